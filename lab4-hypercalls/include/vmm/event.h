/*
 * Event channels in the VMM (lab 4). Each domain has EVTCHN_PORTS ports;
 * a port is FREE, UNBOUND (offered to one domain), INTERDOMAIN (connected
 * to a port of a peer) or VIRQ (raised by the VMM). Sending on a port
 * marks the *peer's* port pending in the peer's shared-info page.
 *
 * Invariants:
 *  - an INTERDOMAIN port p of d with peer (r, rp): port rp of r is
 *    INTERDOMAIN with peer (d, p). Both ends change together.
 *  - port 0 is never allocated; a VIRQ is bound to at most one port
 *    (virq_port[virq]) and that port is ECS_VIRQ with .virq = virq.
 *  - a FREE port has no pending bit (close clears it).
 *  - when a domain dies, all its ports are closed (teardown) and each
 *    peer's end becomes UNBOUND, offered to the dead id, and pending so
 *    that a peer waiting for it wakes up and sees it.
 */
#ifndef VMM_EVENT_H
#define VMM_EVENT_H

#include <vmm/domain.h>

enum evtchn_state {
	ECS_FREE,
	ECS_UNBOUND,
	ECS_INTERDOMAIN,
	ECS_VIRQ,
};

/* The port record of d, or NULL if port is out of range. */
struct evtchn *evtchn_of(struct domain *d, uint32_t port);

/* A free port of d (not 0), or -ENOSPC. */
int evtchn_alloc_port(struct domain *d);

/* The live domain with id dom (DOMID_SELF: the caller, d), or NULL. */
struct domain *domain_by_id(struct domain *self, uint32_t dom);

/*
 * LAB 4 EXERCISE 1. Raises event `port` of domain d, as the 2-level
 * ABI defines: sets evtchn_pending[port]; if it was already set, that is
 * all. Otherwise, unless evtchn_mask[port] is set, sets bit port / 32 of
 * vcpu_info[0].evtchn_pending_sel and evtchn_upcall_pending, and wakes d's
 * vCPU if it is blocked (vcpu_wake). port < EVTCHN_PORTS.
 */
void evtchn_set_pending(struct domain *d, uint32_t port);

/* Raises VIRQ virq in domain d if d has bound it; nothing otherwise. */
void send_virq(struct domain *d, unsigned virq);

/* Makes a blocked vCPU runnable again (vmm/block.c). */
void vcpu_wake(struct vcpu *v);

/*
 * LAB 4 EXERCISE 2. EVTCHNOP_send on port p of d: an INTERDOMAIN port
 * raises the peer's port (evtchn_set_pending on the peer domain); an
 * UNBOUND port does nothing (no one listens yet) and succeeds. 0, or
 * -EINVAL for a port out of range, free, or bound to a VIRQ.
 */
long evtchn_send_port(struct domain *d, uint32_t port);

/*
 * LAB 4 EXERCISE 3. EVTCHNOP_bind_interdomain for d: connects a new port
 * of d to port rport of domain rdom (DOMID_SELF: d itself). rport must be
 * UNBOUND and offered to d (its remote_dom is d's id). Both ends become
 * INTERDOMAIN, each naming the other. Returns the new local port, or
 * -ESRCH (no such live domain), -EINVAL (rport out of range, not
 * unbound, or not offered to d), -ENOSPC (d has no free port).
 */
long evtchn_bind_interdomain(struct domain *d, uint32_t rdom, uint32_t rport);

/*
 * LAB 4 EXERCISE 4. Closes port p of d, whatever its state: a VIRQ port
 * is unbound from its VIRQ; for an INTERDOMAIN port, the peer's end
 * becomes UNBOUND, offered to d. Then p is FREE and its pending bit is
 * clear. 0, or -EINVAL if p is out of range or already free.
 */
long evtchn_close_port(struct domain *d, uint32_t port);

/*
 * Delivers pending events to v's guest on its way out of the VMM (on
 * every return to a guest that has evtchn_upcall_pending set:
 * vmm/entry_events.h; regs is v's frame): if evtchn_upcall_pending is
 * set, evtchn_upcall_mask is clear and the guest has an event callback,
 * LAB 4 EXERCISE 5: enters the callback as an interrupt would
 * (create_bounce_frame with the callback's cs:eip, the saved eflags.IF
 * showing the old mask, 1 = unmasked) and sets the mask. A frame that
 * cannot be written ends the domain: domain_crash(v->domain, regs, 0,
 * "cannot write the event upcall frame on the guest kernel stack") (the
 * grader looks for these words).
 */
void deliver_events(struct vcpu *v, struct cpu_regs *regs);

#endif
