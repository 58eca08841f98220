/*
 * printf-style formatting, shared by the VMM's printk, the guests' printf
 * and snprintf. Conversions: %d %i %u %x %X %p %s %c %%, with flags '-' and
 * '0', a field width, and an 'l' length modifier (ignored: long is 32 bits).
 */
#ifndef LIB_PRINTFMT_H
#define LIB_PRINTFMT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <lib/compiler.h>

/* Longest output of fmt_number: 32 binary digits, or a width up to this. */
#define FMT_NUM_MAX 32

/* Writes each output character through put(c, arg). Returns the count. */
int vformat(void (*put)(char c, void *arg), void *arg, const char *fmt,
	    va_list ap);

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/*
 * LAB 1 EXERCISE 1. Writes `value` in `base` (2..16) into buf, most
 * significant digit first, lower-case digits unless `upper`, left-padded
 * with `pad` to at least `width` characters (width <= FMT_NUM_MAX). Does
 * not NUL-terminate. Returns the number of characters written.
 * Example: fmt_number(b, 255, 16, 4, '0', 0) writes "00ff", returns 4.
 */
int fmt_number(char *buf, uint32_t value, unsigned base, int width, char pad,
	       int upper);

#endif
