/*
 * stack_switch: the guest kernel's stack for entries from ring 3
 * (exercise 3). It must be a ring-1 stack selector (check_stack_selector):
 * RPL 1, a present, writable data descriptor of DPL 1. Refused with
 * -EPERM, the stack in force left as it was: the null selector, a code
 * selector, the ring-1 data segment with RPL 0 or 3, the VMM's data
 * segment 0xe010 (RPL 0 or 1) and its TSS, the ring-3 data segment (even
 * with RPL 1), a selector in the LDT, a GDT entry not set up, a value
 * above 0xFFFF. Accepted: FLAT_RING1_SS with any esp of ours. Seen by
 * where the bounce frame of a ring-3 fault lands: at the top of the stack
 * given, eip, cs, eflags, esp and ss of ring 3, from the lowest address
 * up; and a refused call leaves the stack it named untouched.
 *
 * Hostile: a vulnerable VMM puts a ring-0 or ring-3 stack into the TSS:
 * the next system call then runs the guest kernel on a stack its user
 * process can write, or on the VMM's.
 */
#include <lib/string.h>
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <vmm/segments.h>

const char test_title[] = "stack_switch: only a ring-1 stack, used from ring 3";

static uint32_t stack_a[1024] __attribute__((aligned(16)));
static uint32_t stack_b[1024] __attribute__((aligned(16)));

#define TOP(s) ((uint32_t)(s) + sizeof(s))

static void __user_text user_ud2(void)
{
	__asm__ volatile("ud2");
}

/* A #UD in ring 3: its frame must be at the top of stack s. */
static void frame_on(const char *what, uint32_t *s)
{
	struct fault f;
	uint32_t *fr = s + 1024 - 5;

	memset(s, 0x5a, 4096);
	if (!exec_user(user_ud2, &f) || f.vector != 6) {
		xtf_failure("%s: no #UD from ring 3", what);
		return;
	}
	if (fr[0] != user_addr(user_ud2) || fr[1] != FLAT_RING3_CS ||
	    !(fr[2] & 0x200) || fr[3] < 0x08000000 || fr[3] > 0x08400000 ||
	    fr[4] != FLAT_RING3_SS)
		xtf_failure("%s: frame %x %x %x %x %x at the top of the "
			    "stack, expected eip %x cs %x eflags esp ss %x",
			    what, fr[0], fr[1], fr[2], fr[3], fr[4],
			    user_addr(user_ud2), FLAT_RING3_CS, FLAT_RING3_SS);
	else
		printf("%s: frame eip %x cs %x eflags %x esp %x ss %x\n", what,
		       fr[0], fr[1], fr[2], fr[3], fr[4]);
}

static void untouched(const char *what, const uint32_t *s)
{
	for (int i = 0; i < 1024; i++)
		if (s[i] != 0x5a5a5a5a) {
			xtf_failure("%s: the refused stack was written", what);
			return;
		}
}

static void refused(unsigned long ss, const char *what)
{
	long rc = HYPERVISOR_stack_switch(ss, TOP(stack_b));

	if (rc != -EPERM)
		xtf_failure("ss %lx (%s): stack_switch returned %ld", ss, what,
			    rc);
	else
		printf("ss %lx (%s): -EPERM\n", ss, what);
}

void test_main(void)
{
	struct fault f;

	exec_user(user_ud2, &f); /* installs the test's table and stack */
	check_eq(HYPERVISOR_stack_switch(FLAT_RING1_SS, TOP(stack_a)), 0);
	frame_on("stack A", stack_a);

	memset(stack_b, 0x5a, sizeof(stack_b));
	refused(0, "null");
	refused(1, "null, RPL 1");
	refused(FLAT_RING1_CS, "ring-1 code");
	refused(FLAT_RING1_SS & ~3, "ring-1 data, RPL 0");
	refused(FLAT_RING1_SS | 3, "ring-1 data, RPL 3");
	refused(FLAT_RING1_SS | 4, "ring-1 data's index in the LDT");
	refused(VMM_DS, "the VMM's data");
	refused(VMM_DS | 1, "the VMM's data, RPL 1");
	refused(VMM_TSS | 1, "the TSS, RPL 1");
	refused(VMM_CS | 1, "the VMM's code, RPL 1");
	refused(FLAT_RING3_SS, "ring-3 data");
	refused((FLAT_RING3_SS & ~3) | 1, "ring-3 data, RPL 1");
	refused(0x0011, "guest GDT entry 2, none set up");
	refused(0x1e021, "above 0xffff");
	refused(0xFFFFFFFF, "all ones");
	frame_on("after the refusals, still stack A", stack_a);
	untouched("refused stack_switch", stack_b);

	check_eq(HYPERVISOR_stack_switch(FLAT_RING1_SS, TOP(stack_b)), 0);
	frame_on("stack B", stack_b);
	xtf_success("stack_switch took only ring-1 stacks");
}
