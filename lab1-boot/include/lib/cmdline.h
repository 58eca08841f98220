/* Command lines: the VMM's (-append), each boot module's, a guest's. */
#ifndef LIB_CMDLINE_H
#define LIB_CMDLINE_H

#include <stddef.h>
#include <stdint.h>

/* Copies the value of key=value from the space-separated cmdline into val
 * (NUL-terminated, truncated to size). Returns 1 if found, 0 if not. */
int cmdline_get(const char *cmdline, const char *key, char *val, size_t size);

/* Parses a size such as 4M, 512K or 1048576 into bytes. Returns 0 on
 * success, -1 if malformed or above 4 GiB. */
int parse_size(const char *s, uint32_t *bytes);

#endif
