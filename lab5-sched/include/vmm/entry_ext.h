/*
 * What lab 5 does on every entry from a guest and on every return to one
 * (lab 1's vmm/entry_ext.h says why this is a header each lab replaces):
 * lab 4's work (vmm/entry_events.h) and, on the way back, the switch a
 * timer or a wake-up asked for (need_resched, vmm/runq.h): the guest
 * that was interrupted gives the CPU up here, at the one place where
 * the VMM holds nothing of it but its saved registers. And the #NM of
 * the lazy FPU switch (vmm/fpu.h) is the VMM's own, not the guest's.
 */
#ifndef VMM_ENTRY_EXT_H
#define VMM_ENTRY_EXT_H

#include <vmm/entry_events.h>
#include <vmm/fpu.h>
#include <vmm/runq.h>
#include <vmm/sched.h>

static inline __attribute__((always_inline)) void
ext_guest_entered(struct vcpu *v, uint32_t call)
{
	events_guest_entered(v, call);
}

static inline __attribute__((always_inline)) void
ext_guest_leaving(struct vcpu *v, struct cpu_regs *r)
{
	/* schedule() returns when v is picked again; its events are then
	 * delivered below as usual. */
	while (need_resched) {
		need_resched = 0;
		schedule();
	}
	events_guest_leaving(v, r);
}

static inline __attribute__((always_inline)) void
ext_bounce_begin(struct vcpu *v, struct cpu_regs *r)
{
	events_bounce_begin(v, r);
}

static inline __attribute__((always_inline)) void
ext_bounce_done(struct vcpu *v, struct cpu_regs *r, unsigned vector)
{
	events_bounce_done(v, r, vector);
}

static inline __attribute__((always_inline)) int
ext_guest_trap(struct vcpu *v, struct cpu_regs *r)
{
	return r->vector == T_NM && fpu_trap(v);
}

#endif
