/*
 * Lab 5's fields of struct vcpu_ext: the vCPU's scheduling state (its
 * BVT times and parameters, when it was dispatched, the CPU it has used)
 * and its timers: the one-shot timer of set_timer_op and the periodic
 * tick of vcpu_op, both raising VIRQ_TIMER.
 */
#ifndef VMM_EXT_SCHED_H
#define VMM_EXT_SCHED_H

#include <stdint.h>
#include <vmm/bvt.h>
#include <vmm/timer.h>

#define VCPU_EXT_SCHED                                                        \
	struct {                                                              \
		struct bvt bvt;		/* BVT's times and parameters */      \
		uint8_t on_rq;		/* runnable: on the run queue */      \
		uint8_t paused;		/* DOM0_STOPDOMAIN: kept off it */    \
		uint64_t dispatched_at; /* system time it last started */     \
		uint64_t cpu_time;	/* ns of CPU used, for the summary */ \
		uint32_t dispatches;	/* times it was switched to */        \
		uint64_t born;		/* system time it was built */        \
		struct timer oneshot;	/* set_timer_op */                    \
		struct timer periodic;	/* vcpu_op periodic tick */           \
		uint64_t period;	/* 0: no periodic tick */             \
		uint64_t last_tick;	/* when the last tick was raised */   \
	} sched

#endif
