/* Console output and fatal errors of the VMM. */
#ifndef VMM_PRINTK_H
#define VMM_PRINTK_H

#include <stdarg.h>
#include <lib/compiler.h>

/* Prints to the serial console; every line starts with "(VMM) ". */
void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);

/* Prints "PANIC: <message>" and a backtrace, then powers off with
 * VMM_EXIT_PANIC. For bugs and impossible states, never for guest errors. */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

#define BUG_ON(cond)                                                  \
	do {                                                          \
		if (cond)                                             \
			panic("BUG_ON(%s) at %s:%d", #cond, __FILE__, \
			      __LINE__);                              \
	} while (0)

#endif
