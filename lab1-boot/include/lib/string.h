/* Freestanding string functions (lib/string.c). Same contracts as ISO C. */
#ifndef LIB_STRING_H
#define LIB_STRING_H

#include <stddef.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);

/* Copies at most size-1 bytes and always NUL-terminates (size > 0).
 * Returns strlen(src), so a result >= size means truncation. */
size_t strlcpy(char *dst, const char *src, size_t size);

#endif
