/*
 * Event channels (hypercall 32, event_channel_op(cmd, arg)): Xen's
 * EVTCHNOP_* numbers and argument structs for x86-32. A port is a small
 * number naming one end of a channel in one domain; an event is one bit,
 * evtchn_pending[port] in the shared-info page (public/shared_info.h).
 */
#ifndef PUBLIC_EVENT_CHANNEL_H
#define PUBLIC_EVENT_CHANNEL_H

#include <stdint.h>
#include <public/xen.h>

typedef uint32_t evtchn_port_t;

/* The kit's bound on ports per domain (Xen's 2-level ABI allows 1024,
 * the bits of evtchn_pending). Port 0 is never allocated. */
#define EVTCHN_PORTS 128

#define EVTCHNOP_bind_interdomain 0
#define EVTCHNOP_bind_virq	  1
#define EVTCHNOP_close		  3
#define EVTCHNOP_send		  4
#define EVTCHNOP_status		  5
#define EVTCHNOP_alloc_unbound	  6
#define EVTCHNOP_unmask		  9

/* A new port of dom (DOMID_SELF) that remote_dom (or DOMID_SELF) may bind
 * to with bind_interdomain. */
struct evtchn_alloc_unbound {
	domid_t dom, remote_dom; /* IN */
	evtchn_port_t port;	 /* OUT */
};

/* Connects a new local port to remote_port of remote_dom, which must be
 * unbound and offered to the caller. */
struct evtchn_bind_interdomain {
	domid_t remote_dom;	   /* IN */
	evtchn_port_t remote_port; /* IN */
	evtchn_port_t local_port;  /* OUT */
};

/* Virtual interrupts: events the VMM itself raises. */
#define VIRQ_TIMER   0 /* lab 5: the guest's timer */
#define VIRQ_DEBUG   1
#define VIRQ_CONSOLE 2
#define VIRQ_DOM_EXC 3 /* to domain 0: a domain has died */
#define NR_VIRQS     24

struct evtchn_bind_virq {
	uint32_t virq;	    /* IN: VIRQ_* */
	uint32_t vcpu;	    /* IN: 0, the kit's domains have one vCPU */
	evtchn_port_t port; /* OUT */
};

struct evtchn_close {
	evtchn_port_t port; /* IN */
};

struct evtchn_send {
	evtchn_port_t port; /* IN */
};

struct evtchn_unmask {
	evtchn_port_t port; /* IN */
};

#define EVTCHNSTAT_closed      0 /* not in use */
#define EVTCHNSTAT_unbound     1 /* offered to u.unbound.dom */
#define EVTCHNSTAT_interdomain 2 /* connected to u.interdomain */
#define EVTCHNSTAT_virq	       4 /* bound to u.virq */

struct evtchn_status {
	domid_t dom;	    /* IN: DOMID_SELF */
	evtchn_port_t port; /* IN */
	uint32_t status;    /* OUT: EVTCHNSTAT_* */
	uint32_t vcpu;	    /* OUT */
	union {
		struct {
			domid_t dom;
		} unbound;
		struct {
			domid_t dom;
			evtchn_port_t port;
		} interdomain;
		uint32_t virq;
	} u; /* OUT */
};

_Static_assert(sizeof(struct evtchn_alloc_unbound) == 8, "ABI");
_Static_assert(sizeof(struct evtchn_bind_interdomain) == 12, "ABI");
_Static_assert(sizeof(struct evtchn_status) == 24, "ABI");

#endif
