/*
 * estack_scan: the victim of exit_fault_stack. It runs after domains
 * whose first return from the VMM faulted (selftest=exitfault) and reads
 * the entry stack, the one trampoline page every guest kernel can read
 * and write. Every entry from a guest writes the same REGS_SIZE (76)
 * bytes at its top, and every exit reads them back from there; nothing
 * else may be on the page: not the crashed domains' registers, not the
 * VMM's return addresses and stack pointers, not their frame numbers.
 * The top 76 bytes must be this guest's own last entry: its ring-1
 * selectors and an eip below the hole.
 *
 * Hostile: a vulnerable VMM runs its crash path (domain_crash, printk,
 * teardown, schedule) on the entry stack after a fault on its return
 * path, and leaves the words of that C code there for this guest to read.
 */
#include <guest/hole.h>
#include <guest/test.h>
#include <vmm/regs.h>
#include <vmm/segments.h>

const char test_title[] = "the entry stack after faults on the VMM's exit";

void test_main(void)
{
	struct tramp t;
	const uint32_t *stack, *top;
	unsigned dirty = 0, shown = 0;

	tramp_find(&t);
	stack = (const uint32_t *)t.stack;
	printf("entry stack at %x\n", t.stack);
	/* This hypercall's frame is at the top now; scan below it. */
	for (unsigned i = 0; i < (4096 - REGS_SIZE) / 4; i++) {
		if (!stack[i])
			continue;
		dirty++;
		if (shown++ < 8)
			printf("word at %x: %x\n", (uint32_t)&stack[i],
			       stack[i]);
	}
	if (dirty) {
		xtf_failure("%u words below the top %u bytes are not zero",
			    dirty, REGS_SIZE);
		return;
	}
	top = (const uint32_t *)(t.stack + 4096 - REGS_SIZE);
	check_eq(top[REGS_CS / 4], FLAT_RING1_CS);
	check_eq(top[REGS_SS / 4], FLAT_RING1_SS);
	check(top[REGS_EIP / 4] < HOLE_START_VA);
	check_eq(top[REGS_VECTOR / 4], 0x82); /* the printf's hypercall */
	xtf_success("the entry stack held only our own last entry");
}
