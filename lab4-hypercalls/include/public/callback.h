/*
 * Upcalls: how the VMM enters a guest kernel with events (lab 4).
 *
 * set_callbacks (hypercall 4), x86-32:
 *   set_callbacks(event_cs, event_eip, failsafe_cs, failsafe_eip)
 * registers the event callback, entered when an event is pending and the
 * guest's vcpu_info.evtchn_upcall_mask is 0. The failsafe callback is
 * recorded (Xen enters it when a segment the guest left cannot be loaded;
 * the kit ends the domain then: handout, ABI appendix).
 *
 * The VMM enters the callback as the CPU enters an interrupt handler:
 * it pushes eip, cs, eflags (and esp, ss from ring 3) on the guest
 * kernel's stack, with eflags.IF = !(the mask before the upcall), and
 * sets the mask. The guest returns with the iret hypercall.
 *
 * iret (hypercall 23), no register arguments: the guest's stack holds
 *   eax, eip, cs, eflags [, esp, ss when cs is ring 3]   (lowest first)
 * The VMM pops them all, restores eax, sets evtchn_upcall_mask to
 * !eflags.IF, and returns there: unmasking and returning happen in one
 * step, so an event that arrives in between is delivered at once. It
 * does not return to its caller. A cs of ring 0 ends the domain.
 */
#ifndef PUBLIC_CALLBACK_H
#define PUBLIC_CALLBACK_H

#include <stdint.h>

struct iret_frame {
	uint32_t eax, eip, cs, eflags;
	uint32_t esp, ss; /* only when returning to ring 3 */
};

#endif
