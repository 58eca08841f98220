/*
 * Lab 4's part of vmm/entry_ext.h (what runs on every entry from a guest
 * and on every return to one, inline in the VMM's hot path; lab 1's
 * vmm/entry_ext.h says why), kept apart so that later labs' entry_ext.h
 * include it: it times the stay in the VMM (vmm/preempt.c), goes on with
 * the release of dying domains (vmm/pt_preempt.c) and delivers pending
 * events (vmm/upcall.c); around an exception bounce, it keeps the event
 * mask.
 *
 * A stay runs from a guest's entry (trap or hypercall_trap) to the next
 * return to a guest (return_to_guest, or the same code inlined at the end
 * of those two), whichever guest that is; it is counted for the domain
 * that entered. Under -icount the TSC counts instructions, so the figures
 * are exact.
 */
#ifndef VMM_ENTRY_EVENTS_H
#define VMM_ENTRY_EVENTS_H

#include <arch/x86.h>
#include <public/shared_info.h>
#include <vmm/bounce.h>
#include <vmm/domain.h>
#include <vmm/event.h>
#include <vmm/trap.h>

/* The low 32 bits of the TSC: a stay is far shorter than 2^32 ticks
 * (about 4 seconds at 1 GHz), and unsigned subtraction is right across
 * a wrap. */
static inline uint32_t tsc32(void)
{
	return (uint32_t)rdtsc();
}

/* The open stay (vmm/preempt.c): when it began, the domain that entered
 * (NULL: no stay open) and its hypercall (~0: none). */
extern uint32_t stay_start;
extern struct domain *stay_dom;
extern uint32_t stay_call;

/* Ends the open stay, if any: counts it for the domain that entered. */
static inline __attribute__((always_inline)) void stay_end(void)
{
	uint32_t t = tsc32() - stay_start;
	struct domain *d = stay_dom;

	if (d && t > d->ext.longest_stay) {
		d->ext.longest_stay = t;
		d->ext.longest_stay_call = stay_call;
	}
	stay_dom = NULL;
}

static inline __attribute__((always_inline)) void
events_guest_entered(struct vcpu *v, uint32_t call)
{
	stay_start = tsc32();
	stay_dom = v->domain;
	stay_call = call;
}

static inline __attribute__((always_inline)) void
events_guest_leaving(struct vcpu *v, struct cpu_regs *r)
{
	/* A dying domain's page tables are released on the way back to the
	 * others, a budget at a time (vmm/pt_preempt.c); its end may raise
	 * an event for v, delivered just below. */
	if (domains_dying)
		domain_reap();
	/* deliver_events does nothing unless an upcall is pending: the
	 * common case costs no call. */
	if (v->domain->ext.shared->vcpu_info[0].evtchn_upcall_pending)
		deliver_events(v, r);
	/* The stay ends here, after the delivery. */
	stay_end();
}

/*
 * The event mask across an exception bounce. A trap-table entry with
 * TI_IF enters its handler with events masked, as an x86 interrupt gate
 * enters with interrupts off. The frame says in its IF whether events
 * were masked before (IF = !mask), so that the iret hypercall, which sets
 * the mask to !IF, restores it: a handler entered masked does not return
 * with events unmasked, nor the other way round. (Xen's x86-32 frame also
 * keeps the old mask in bits 16-23 of the saved cs; the kit's keeps cs
 * whole.) The guest itself always runs with the real IF set: only while
 * the VMM builds the frame is the saved IF the virtual one.
 */
static inline __attribute__((always_inline)) void
events_bounce_begin(struct vcpu *v, struct cpu_regs *r)
{
	if (v->domain->ext.shared->vcpu_info[0].evtchn_upcall_mask)
		r->eflags &= ~EFLAGS_IF;
}

static inline __attribute__((always_inline)) void
events_bounce_done(struct vcpu *v, struct cpu_regs *r, unsigned vector)
{
	const struct trap_info *ti = &v->ext.traps[vector];

	/* An int n whose entry refused it went to #GP's handler: the entry
	 * that took it is the one whose handler is now in cs:eip. */
	if (r->eip != ti->address || r->cs != ti->cs)
		ti = &v->ext.traps[T_GP];
	r->eflags |= EFLAGS_IF;
	if (TI_GET_IF(ti))
		v->domain->ext.shared->vcpu_info[0].evtchn_upcall_mask = 1;
}

#endif
