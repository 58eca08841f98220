/*
 * vcpu_op (hypercall 24): vcpu_op(int cmd, int vcpuid, void *arg). Lab 5
 * implements the periodic timer, as Xen 3.x does: a VIRQ_TIMER every
 * period_ns while the vCPU runs (the paper's guests had a periodic
 * tick); the kit starts with none.
 */
#ifndef PUBLIC_VCPU_H
#define PUBLIC_VCPU_H

#include <stdint.h>

#define VCPUOP_set_periodic_timer                                             \
	6			     /* arg: struct vcpu_set_periodic_timer * \
				      */
#define VCPUOP_stop_periodic_timer 7 /* arg unused */

/* The shortest period the kit accepts: shorter is -EINVAL (a guest must
 * not flood itself, and the VMM, with ticks). */
#define VCPU_PERIOD_MIN_NS 1000000ull
/* The longest: a period beyond it is -EINVAL too (a deadline must not
 * wrap round the 64-bit clock). */
#define VCPU_PERIOD_MAX_NS 60000000000ull

struct vcpu_set_periodic_timer {
	uint64_t period_ns;
};

#endif
