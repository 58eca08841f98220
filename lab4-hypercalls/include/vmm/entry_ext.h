/*
 * What lab 4 does on every entry from a guest and on every return to one,
 * inline in the VMM's hot path (lab 1's vmm/entry_ext.h says why): it
 * times the stay in the VMM (vmm/preempt.c) and delivers pending events
 * (vmm/upcall.c).
 *
 * A stay runs from a guest's entry (trap or hypercall_trap) to the next
 * return to a guest (return_to_guest, or the same code inlined at the end
 * of those two), whichever guest that is; it is counted for the domain
 * that entered. Under -icount the TSC counts instructions, so the figures
 * are exact.
 */
#ifndef VMM_ENTRY_EXT_H
#define VMM_ENTRY_EXT_H

#include <arch/x86.h>
#include <public/shared_info.h>
#include <vmm/domain.h>
#include <vmm/event.h>

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

static inline __attribute__((always_inline)) void
ext_guest_entered(struct vcpu *v, uint32_t call)
{
	stay_start = tsc32();
	stay_dom = v->domain;
	stay_call = call;
}

static inline __attribute__((always_inline)) void
ext_guest_leaving(struct vcpu *v, struct cpu_regs *r)
{
	struct domain *d;
	uint32_t t;

	/* deliver_events does nothing unless an upcall is pending: the
	 * common case costs no call. */
	if (v->domain->ext.shared->vcpu_info[0].evtchn_upcall_pending)
		deliver_events(v, r);
	/* The stay ends here, after the delivery. */
	t = tsc32() - stay_start;
	d = stay_dom;
	if (d && t > d->ext.longest_stay) {
		d->ext.longest_stay = t;
		d->ext.longest_stay_call = stay_call;
	}
	stay_dom = NULL;
}

#endif
