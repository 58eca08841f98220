/* Command lines: the VMM's own (-append) and each boot module's. */
#ifndef VMM_CMDLINE_H
#define VMM_CMDLINE_H

#include <stddef.h>
#include <stdint.h>

/* Copies the value of key=value from the space-separated cmdline into val
 * (NUL-terminated, truncated to size). Returns 1 if found, 0 if not. */
int cmdline_get(const char *cmdline, const char *key, char *val,
		size_t size);

/* Parses a size such as 4M, 512K or 1048576 into bytes. Returns 0 on
 * success, -1 if malformed or above 4 GiB. */
int parse_size(const char *s, uint32_t *bytes);

/* The VMM's command line (set by start_vmm). */
extern const char *vmm_cmdline;

#endif
