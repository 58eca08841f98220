/*
 * Time in a guest (lab 5; testlib/time.c): system time read from the
 * shared-info page without entering the VMM, the wall clock, the
 * one-shot timer and VIRQ_TIMER, and dom0_op.
 */
#ifndef GUEST_TIME_H
#define GUEST_TIME_H

#include <stdint.h>
#include <guest/hypercall.h>
#include <lib/time_scale.h>
#include <public/dom0_ops.h>
#include <public/vcpu.h>

/* Nanoseconds since the VMM booted: the published time plus the TSC
 * ticks since it was published, scaled; read again while the VMM's
 * version says an update was under way (odd) or happened meanwhile. */
uint64_t now_ns(void);

/* The same, with the version the reading was taken under. */
uint64_t now_ns_v(uint32_t *version);

/* Seconds since 1970 now: the wall clock at system time 0 plus
 * system time. */
uint32_t wallclock_sec(void);

static inline long HYPERVISOR_set_timer_op(uint64_t timeout)
{
	return _hypercall2(__HYPERVISOR_set_timer_op, (uint32_t)timeout,
			   (uint32_t)(timeout >> 32));
}

static inline long HYPERVISOR_vcpu_op(int cmd, int vcpu, void *arg)
{
	return _hypercall3(__HYPERVISOR_vcpu_op, (unsigned long)cmd,
			   (unsigned long)vcpu, (unsigned long)arg);
}

/* dom0_op with the interface version filled in. */
long dom0_op(struct dom0_op *op);

/* cpu_time of domain `dom` (DOM0_GETDOMAININFO), or 0 with a failure. */
uint64_t domain_cpu_time(uint32_t dom);

/* VIRQ_TIMER bound and counted (timer_events), and the system time of
 * the latest (timer_seen_at). handler (if not NULL) also runs for every
 * other event. 0 or -errno. */
extern volatile uint32_t timer_events;
extern volatile uint64_t timer_seen_at;
int timer_init(void (*handler)(uint32_t port));

/* Sets the one-shot timer for `deadline` and blocks until a VIRQ_TIMER
 * at or after it; returns the system time on waking. */
uint64_t sleep_until(uint64_t deadline);

/* Microseconds of ns, for printing (no 64-bit division in the
 * freestanding build: lib/time_scale.c's udiv64). */
static inline uint32_t ns_to_us(uint64_t ns)
{
	return (uint32_t)udiv64(ns, 1000);
}

/* Spins (events as they are) until system time reaches t. */
void spin_until(uint64_t t);

#endif
