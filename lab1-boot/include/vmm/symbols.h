/* The VMM's own symbol table, for backtraces (generated at link time by
 * tools/gensyms.sh from the linked image: see the Makefile). */
#ifndef VMM_SYMBOLS_H
#define VMM_SYMBOLS_H

#include <stdint.h>

struct ksym {
	uint32_t addr;
	const char *name;
};

extern const struct ksym ksyms[]; /* sorted by addr */
extern const uint32_t ksyms_count;

/* The function containing addr and addr's offset in it; NULL if none. */
const char *symbol_lookup(uint32_t addr, uint32_t *offset);

/* Prints "  [<addr>] name+0xoff"; is_return: addr is a return address. */
void print_symbol_line(uint32_t addr, int is_return);

/* LAB 1 EXERCISE 9. Prints the call chain from frame pointer ebp. */
void backtrace(uint32_t ebp);

#endif
