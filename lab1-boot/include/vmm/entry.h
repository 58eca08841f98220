/*
 * The two ends of a guest's stay in the VMM, written inline into both
 * places a guest enters the VMM through tramp.S (trap() in trap.c for
 * exceptions and interrupts, hypercall_trap() in hypercall.c for
 * int $0x82) and into return_to_guest: this is the VMM's hot path, and a
 * call less is a few instructions less on every entry (make bench
 * measures a null hypercall).
 */
#ifndef VMM_ENTRY_H
#define VMM_ENTRY_H

#include <lib/compiler.h>
#include <vmm/domain.h>
#include <vmm/entry_ext.h>
#include <vmm/registry.h>
#include <vmm/sched.h>
#include <vmm/trap.h>

/* v's guest entered the VMM with the registers r (vcpu_regs(v)), for
 * hypercall `call` (~0: an exception or an interrupt): counts the entry,
 * and runs the later labs' work (vmm/entry_ext.h) and the GUEST_ENTRY
 * hooks. */
static inline __attribute__((always_inline)) void
guest_entered(struct vcpu *v, struct cpu_regs *r, uint32_t call)
{
	v->domain->vmm_entries++;
	ext_guest_entered(v, call);
	for_each_entry (guest_entry, h)
		h->fn(r);
}

/* return_to_guest(v), r being vcpu_regs(v): runs the GUEST_RESUME hooks
 * and the later labs' work (vmm/entry_ext.h), then enters v's guest
 * unless they ended its domain (then the next vCPU runs). The entry
 * points call it with the vCPU that entered: while its domain is alive,
 * that is the current one again (schedule() returns only to the vCPU
 * that called it). */
static inline __attribute__((always_inline, noreturn)) void
leave_to_guest(struct vcpu *v, struct cpu_regs *r)
{
	for_each_entry (guest_resume, h)
		h->fn(v, r);
	ext_guest_leaving(v, r);
	if (v->domain->state != DOM_RUNNING)
		schedule(); /* a hook ended it; never returns */
	resume_guest(r, v->cr3);
}

#endif
