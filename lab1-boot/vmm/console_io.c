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

#define CONSOLE_IO_MAX 16384 /* bytes per console_io call */

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

/* The bytes of a console_io write (1 to CONSOLE_IO_MAX), printed only
 * if all of them can be read. Out of line, so that the checks before it
 * need no registers saved: a count of 0 is the benchmarks' null
 * hypercall (make bench). */
static __attribute__((noinline)) long console_write(unsigned long count,
						    unsigned long buffer)
{
	static char buf[CONSOLE_IO_MAX]; /* one CPU, no preemption */
	struct domain *d = current->domain;

	if (copy_from_guest(d, buf, buffer, count))
		return -EFAULT;
	for (uint32_t i = 0; i < count; i++)
		domain_putc(d, buf[i]);
	return 0;
}

/*
 * console_io(CONSOLEIO_write, count, buffer): returns 0, -EFAULT if any
 * byte of the buffer is unreadable (then nothing is printed), or -E2BIG
 * above CONSOLE_IO_MAX bytes (a kit limit: Xen has none).
 */
static long do_console_io(unsigned long cmd, unsigned long count,
			  unsigned long buffer)
{
	if (cmd != CONSOLEIO_write)
		return -ENOSYS;
	if (count > CONSOLE_IO_MAX)
		return -E2BIG;
	if (count == 0)
		return 0; /* the benchmarks' null hypercall */
	return console_write(count, buffer);
}
HYPERCALL(__HYPERVISOR_console_io, do_console_io);
