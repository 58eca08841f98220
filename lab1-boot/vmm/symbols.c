/* Address -> function name, from the table tools/gensyms.sh generates. */
#include <stddef.h>
#include <vmm/printk.h>
#include <vmm/symbols.h>

extern char __vmm_start[], __tramp_end[];

const char *symbol_lookup(uint32_t addr, uint32_t *offset)
{
	uint32_t lo = 0, hi = ksyms_count;

	if (addr < (uint32_t)(uintptr_t)__vmm_start ||
	    addr >= (uint32_t)(uintptr_t)__tramp_end || !ksyms_count ||
	    addr < ksyms[0].addr)
		return NULL;
	while (hi - lo > 1) { /* invariant: ksyms[lo].addr <= addr */
		uint32_t mid = lo + (hi - lo) / 2;

		if (ksyms[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - ksyms[lo].addr;
	return ksyms[lo].name;
}

void print_symbol_line(uint32_t addr, int is_return)
{
	/* A return address may point just past a call at the very end of a
	 * function (a call to a noreturn function): look up addr - 1. */
	uint32_t back = is_return ? 1 : 0;
	uint32_t off;
	const char *name = symbol_lookup(addr - back, &off);

	if (name)
		printk("  [%08x] %s+0x%x\n", addr, name, off + back);
	else
		printk("  [%08x] ?\n", addr);
}
