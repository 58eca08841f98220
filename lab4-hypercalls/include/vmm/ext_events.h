/*
 * Lab 4's fields of struct vcpu_ext and struct domain_ext: the event
 * channels, the callbacks, blocking, and the continuation of a hypercall
 * that stopped half way.
 */
#ifndef VMM_EXT_EVENTS_H
#define VMM_EXT_EVENTS_H

#include <stdint.h>
#include <public/event_channel.h>

/* The state of one port (vmm/event.h). */
struct evtchn {
	uint8_t state;	      /* ECS_* */
	uint8_t virq;	      /* ECS_VIRQ: which */
	uint16_t remote_dom;  /* ECS_UNBOUND: who may bind;
			       * ECS_INTERDOMAIN: the peer */
	uint16_t remote_port; /* ECS_INTERDOMAIN: the peer's port */
};

#define VCPU_EXT_EVENTS                                                        \
	struct {                                                               \
		uint16_t callback_cs; /* set_callbacks: the event callback, */ \
		uint32_t callback_eip; /* 0: none */                           \
		uint16_t failsafe_cs;                                          \
		uint32_t failsafe_eip;                                         \
		uint8_t blocked;  /* sched_op block: off the run queue */      \
		uint32_t upcalls; /* delivered, for the summary */             \
	}

#define DOMAIN_EXT_EVENTS                                                    \
	struct {                                                             \
		struct evtchn evtchn[EVTCHN_PORTS];                          \
		uint16_t virq_port[NR_VIRQS]; /* 0: the VIRQ is not bound */ \
		uint32_t longest_stay;	      /* in the VMM, TSC ticks */    \
		uint32_t longest_stay_call;   /* the hypercall, or ~0 */     \
	}

#endif
