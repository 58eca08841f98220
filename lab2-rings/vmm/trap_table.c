/*
 * set_trap_table (hypercall 0): the guest's virtual IDT (exercise 2), and
 * the one vector that becomes a real IDT gate into the guest, the fast
 * system call (exercise 7).
 */
#include <lib/exercise.h>
#include <lib/string.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/bounce.h>
#include <vmm/desc.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
#include <vmm/memlayout.h>
#include <vmm/registry.h>
#include <vmm/sched.h>
#include <vmm/trap.h>

extern struct seg_desc idt[256]; /* tramp.S */

#define GATE_TRAP32	 0x8F /* present, 32-bit trap gate, DPL 0 */
#define GATE_INT32	 0x8E /* present, 32-bit interrupt gate, DPL 0 */
#define MAX_TRAP_ENTRIES 256

/*
 * set_trap_table(table): table is a guest array of struct trap_info ended
 * by an entry whose address is 0 (table 0 clears every handler). Each
 * entry replaces the handler of its vector; other vectors keep theirs.
 * Either every entry is accepted or none is: -EFAULT for an unreadable
 * table, -EINVAL for a handler address in the hole or more than
 * MAX_TRAP_ENTRIES entries, -EPERM for the hypercall vector or a code
 * selector that is not a ring-1 code segment (check_code_selector).
 */
long do_set_trap_table(unsigned long table)
{
	static struct trap_info staged[256]; /* one CPU: no one else uses it */
	struct vcpu *v = current;

	/* BEGIN LAB 2 EXERCISE 2 (set_trap_table) */
	(void)table, (void)v, (void)staged;
	EXERCISE_STUB(2, 2, "set_trap_table");
	/* END LAB 2 EXERCISE 2 */
}
HYPERCALL(__HYPERVISOR_set_trap_table, do_set_trap_table);

struct seg_desc fast_trap_gate(const struct vcpu *v)
{
	/* BEGIN LAB 2 EXERCISE 7 (fast_trap_gate) */
	(void)v;
	EXERCISE_STUB(2, 7, "fast_trap_gate");
	/* END LAB 2 EXERCISE 7 */
}

void fast_trap_install(const struct vcpu *v)
{
	if (v->ext.traps[FAST_TRAP_VECTOR].address)
		idt[FAST_TRAP_VECTOR] = fast_trap_gate(v);
	else
		idt_set_gate(FAST_TRAP_VECTOR, 0); /* the VMM's own */
}

/* The IDT is shared: the gate must be the one of the vCPU about to run. */
static void fast_trap_switch(struct vcpu *next)
{
	fast_trap_install(next);
}
SWITCH_HOOK(10, fast_trap_switch);
