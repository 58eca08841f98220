/*
 * console_io (hypercall 18): a guest writes to the VMM's console. Output
 * is collected per domain into lines, and each line is printed with the
 * prefix "(dN) ", so that output of different domains never mixes within
 * a line and no guest can forge a line of the VMM or of another domain:
 * control characters (carriage return, escape sequences) become '?'.
 */
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

static void domain_putc(struct domain *d, char c)
{
	if (c == '\n') {
		if (d->con_len == 0)
			d->con_line[d->con_len++] = ' '; /* keep empty lines */
		domain_console_flush(d);
		return;
	}
	if ((c < ' ' || c > '~') && c != '\t')
		c = '?';
	d->con_line[d->con_len++] = c;
	if (d->con_len == CONSOLE_LINE_MAX)
		domain_console_flush(d);
}

/* console_io(CONSOLEIO_write, count, buffer): returns 0 or -EFAULT. */
static long do_console_io(unsigned long cmd, unsigned long count,
			  unsigned long buffer)
{
	struct domain *d = current->domain;
	char chunk[64];

	if (cmd != CONSOLEIO_write)
		return -ENOSYS;
	while (count) {
		uint32_t n = count < sizeof(chunk) ? count : sizeof(chunk);

		if (copy_from_guest(d, chunk, buffer, n))
			return -EFAULT;
		for (uint32_t i = 0; i < n; i++)
			domain_putc(d, chunk[i]);
		buffer += n;
		count -= n;
	}
	return 0;
}
HYPERCALL(__HYPERVISOR_console_io, do_console_io);
