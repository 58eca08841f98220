/*
 * The event mask across an exception bounce (lab 2's guest_exception
 * calls these around the bounce). A guest kernel's handler may be
 * entered with events masked, as an x86 interrupt gate enters with
 * interrupts off: its trap-table entry has TI_IF. The frame it gets
 * says in its IF whether events were masked before (IF = !mask), so
 * that the iret hypercall, which sets the mask to !IF, restores it:
 * a handler entered masked does not return with events unmasked, nor
 * the other way round. Xen does the same (x86-32 also keeps the old mask
 * in bits 16-23 of the saved cs; the kit's frames keep cs whole).
 */
#include <arch/x86.h>
#include <public/arch-x86_32.h>
#include <public/shared_info.h>
#include <vmm/bounce.h>
#include <vmm/domain.h>
#include <vmm/trap.h>

static struct vcpu_info *vinfo(struct vcpu *v)
{
	return &v->domain->ext.shared->vcpu_info[0];
}

/* The guest always runs with the real IF set; while the VMM builds the
 * frame, the saved IF is the virtual one. */
void bounce_mask_save(struct vcpu *v, struct cpu_regs *r)
{
	if (vinfo(v)->evtchn_upcall_mask)
		r->eflags &= ~EFLAGS_IF;
}

void bounce_mask_set(struct vcpu *v, struct cpu_regs *r, unsigned vector)
{
	const struct trap_info *ti = &v->ext.traps[vector];

	/* An int n whose entry refused it bounced to #GP's handler; the
	 * entry the handler came from is the one now in cs:eip. */
	if (r->eip != ti->address || r->cs != ti->cs)
		ti = &v->ext.traps[T_GP];
	r->eflags |= EFLAGS_IF;
	if (TI_GET_IF(ti))
		vinfo(v)->evtchn_upcall_mask = 1;
}
