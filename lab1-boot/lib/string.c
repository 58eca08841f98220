/* Freestanding string functions: the VMM, guests and tests link this. */
#include <stdint.h>
#include <lib/string.h>

/* memset and memcpy use the string instructions: "rep stosl" stores ecx
 * words at edi, "rep movsl" copies ecx words from esi to edi, with the
 * direction flag clear (the C ABI guarantees it). Frames are zeroed and
 * images copied with them, so they dominate the cost of building a domain. */
void *memset(void *dst, int c, size_t n)
{
	uint32_t word = (uint8_t)c * 0x01010101u;
	unsigned char *d = dst;
	size_t words = n / 4;

	__asm__ volatile("rep stosl"
			 : "+D"(d), "+c"(words)
			 : "a"(word)
			 : "memory");
	for (n %= 4; n; n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	size_t words = n / 4;

	__asm__ volatile("rep movsl"
			 : "+D"(d), "+S"(s), "+c"(words)
			 :
			 : "memory");
	for (n %= 4; n; n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d < s) {
		while (n--)
			*d++ = *s++;
	} else if (d > s) {
		d += n;
		s += n;
		while (n--)
			*--d = *--s;
	}
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			return 0;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
