/* Fatal errors: panic() for VMM bugs, exercise_missing() for stubs. */
#include <lib/exercise.h>
#include <lib/string.h>
#include <vmm/console.h>
#include <vmm/power.h>
#include <vmm/printk.h>
#include <vmm/symbols.h>
#include <arch/x86.h>

static int panicking;

void panic(const char *fmt, ...)
{
	va_list ap;

	cli();
	if (panicking++) /* a panic while panicking: stop printing */
		poweroff(VMM_EXIT_PANIC);
	printk("PANIC: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\nbacktrace:\n");
	backtrace(read_ebp());
	poweroff(VMM_EXIT_PANIC);
}

static void puts_raw(const char *s)
{
	console_write(s, strlen(s));
}

/* Writes 0..99 without the formatting code. */
static void put_small(int v)
{
	char d[2] = { (char)('0' + v / 10 % 10), (char)('0' + v % 10) };

	console_write(v >= 10 ? d : d + 1, v >= 10 ? 2 : 1);
}

/* Called by an exercise stub. Uses no formatting, since exercise 1 is
 * the number formatting itself. */
void exercise_missing(int lab, int n, const char *name)
{
	cli();
	puts_raw("(VMM) LAB ");
	put_small(lab);
	puts_raw(" EXERCISE ");
	put_small(n);
	puts_raw(" (");
	puts_raw(name);
	puts_raw(") not implemented\n");
	poweroff(VMM_EXIT_PANIC);
}
