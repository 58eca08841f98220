/*
 * Exceptions of a guest, delivered to the guest (lab 2 replaces lab 1's
 * "destroy the domain" default, guest_exception in trap.c).
 *
 *   guest (ring 1 or 3) --fault--> trampoline --> trap() --> guest_exception
 *       --> create_bounce_frame: the frame the CPU would have pushed, built
 *           on the guest kernel's stack, and regs pointed at its handler
 *       --> resume_guest: iret lands in the guest's handler, in ring 1;
 *           the handler's own iret returns where the fault happened.
 *
 * A guest without a handler for an exception, or whose kernel stack
 * cannot take the frame, is destroyed, as in lab 1.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/shared_info.h>
#include <vmm/bounce.h>
#include <vmm/domain.h>
#include <vmm/entry_ext.h>
#include <vmm/guestmem.h>
#include <vmm/insn.h>
#include <vmm/printk.h>
#include <vmm/registry.h>
#include <vmm/sched.h>
#include <vmm/trap.h>

int create_bounce_frame(struct vcpu *v, struct cpu_regs *r,
			const struct trap_info *ti, int has_error,
			uint32_t error)
{
	/* BEGIN LAB 2 EXERCISE 4 (create_bounce_frame) */
	(void)v, (void)r, (void)ti, (void)has_error, (void)error;
	EXERCISE_STUB(2, 4, "create_bounce_frame");
	/* END LAB 2 EXERCISE 4 */
}

int bounce_exception(struct vcpu *v, struct cpu_regs *r, unsigned vector,
		     int has_error, uint32_t error)
{
	const struct trap_info *ti = &v->ext.traps[vector];

	if (!ti->address)
		return -ENOENT;
	return create_bounce_frame(v, r, ti, has_error, error);
}

int software_interrupt(struct vcpu *v, struct cpu_regs *r)
{
	/* BEGIN LAB 2 EXERCISE 5 (software_interrupt) */
	(void)v, (void)r;
	EXERCISE_STUB(2, 5, "software_interrupt");
	/* END LAB 2 EXERCISE 5 */
}

/* Exceptions for which the CPU pushes an error code. */
static int has_error_code(uint32_t vector)
{
	return vector == T_DF || (vector >= T_TS && vector <= T_PF) ||
	       vector == T_AC;
}

void guest_exception(struct cpu_regs *r, uint32_t cr2)
{
	struct vcpu *v = current;
	unsigned vector = r->vector;
	const char *insn;
	int rc;

	if (r->vector == T_GP && (r->error & 2)) {
		vector = (r->error >> 3) & 0xFF; /* or T_GP, if refused */
		ext_bounce_begin(v, r);
		rc = software_interrupt(v, r);
	} else if (r->vector == T_GP && regs_ring(r) == 1 &&
		   (insn = privileged_insn(v, r))) {
		domain_crash(v->domain, r, 0,
			     "#GP general protection: privileged instruction "
			     "%s at eip %08x",
			     insn, r->eip);
		return;
	} else {
		if (r->vector == T_PF)
			v->domain->ext.shared->vcpu_info[0].arch.cr2 = cr2;
		ext_bounce_begin(v, r);
		rc = bounce_exception(v, r, r->vector,
				      has_error_code(r->vector), r->error);
	}
	if (rc == 0) {
		ext_bounce_done(v, r, vector);
		return;
	}
	printk("d%u: %s at eip %08x: %s\n", v->domain->id, trap_name(r->vector),
	       r->eip,
	       rc == -ENOENT ?
		       "the guest has no handler for it" :
		       "cannot write the frame on the guest kernel stack");
	crash_on_exception(r, cr2);
}

/* int3 and into from any ring raise #BP and #OF (not a #GP): the guest's
 * debugger and overflow checks work in ring 3 too. */
static void user_exception_gates(void)
{
	idt_set_gate(T_BP, 3);
	idt_set_gate(T_OF, 3);
}
INITCALL(10, user_exception_gates);
