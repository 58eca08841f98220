/* The 16550 serial console (COM1): the only output device of the VMM. */
#ifndef VMM_CONSOLE_H
#define VMM_CONSOLE_H

#include <stddef.h>

void console_init(void);
void console_putc(char c);
void console_write(const char *s, size_t n);

#endif
