/* printk: formatted VMM output, each line prefixed with "(VMM) ". Guest
 * output gets "(dN) " instead (console_io.c), so a guest can never print
 * a line that looks like the VMM's. */
#include <lib/printfmt.h>
#include <vmm/console.h>
#include <vmm/printk.h>

static int at_line_start = 1;

static void printk_putc(char c, void *arg)
{
	(void)arg;
	if (at_line_start)
		console_write("(VMM) ", 6);
	console_putc(c);
	at_line_start = (c == '\n');
}

void vprintk(const char *fmt, va_list ap)
{
	vformat(printk_putc, NULL, fmt, ap);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
