/* Guest console output through the platform interface. Output is
 * buffered until a newline or 128 characters. */
#ifndef GUEST_CONSOLE_H
#define GUEST_CONSOLE_H

#include <stdarg.h>
#include <lib/compiler.h>

int printf(const char *fmt, ...) __printf(1, 2);
int vprintf(const char *fmt, va_list ap);
void console_flush(void);

#endif
