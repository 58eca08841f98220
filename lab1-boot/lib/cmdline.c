/* Parsing of space-separated key=value command lines. */
#include <lib/string.h>
#include <lib/cmdline.h>

int cmdline_get(const char *s, const char *key, char *val, size_t size)
{
	size_t klen = strlen(key);

	while (*s) {
		const char *tok = s;
		size_t len;

		while (*s && *s != ' ')
			s++;
		len = (size_t)(s - tok);
		while (*s == ' ')
			s++;
		if (len < klen || strncmp(tok, key, klen) != 0)
			continue;
		if (len == klen) { /* a bare flag */
			if (size)
				val[0] = '\0';
			return 1;
		}
		if (tok[klen] != '=')
			continue;
		tok += klen + 1;
		len -= klen + 1;
		if (size) {
			len = len < size - 1 ? len : size - 1;
			memcpy(val, tok, len);
			val[len] = '\0';
		}
		return 1;
	}
	return 0;
}

int parse_size(const char *s, uint32_t *bytes)
{
	uint64_t v = 0;

	if (*s < '0' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (uint64_t)(*s++ - '0');
		if (v > 0xFFFFFFFFULL)
			return -1;
	}
	if (*s == 'K' || *s == 'k')
		v <<= 10, s++;
	else if (*s == 'M' || *s == 'm')
		v <<= 20, s++;
	else if (*s == 'G' || *s == 'g')
		v <<= 30, s++;
	if (*s != '\0' || v > 0xFFFFFFFFULL)
		return -1;
	*bytes = (uint32_t)v;
	return 0;
}
