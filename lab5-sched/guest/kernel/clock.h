/*
 * The guest kernel's time (lab 5), in four files:
 *
 *   clock.c     system time and the wall clock, read from shared info
 *   tick.c      VIRQ_TIMER and the periodic tick
 *   preempt.c   time slices: a process that keeps the CPU is preempted
 *   sleep.c     sleep_ns: processes asleep until a deadline
 *
 * Times are system time: nanoseconds since the VMM booted.
 */
#ifndef CLOCK_H
#define CLOCK_H

#include <stdint.h>

#define NS_PER_US 1000u
#define NS_PER_MS 1000000u

/* The periodic tick (tick.c) and the time slice (preempt.c). */
#define TICK_NS	 (10 * NS_PER_MS)
#define SLICE_NS (10 * NS_PER_MS)

/* clock.c: system time now; the wall clock now, in seconds since 1970. */
uint64_t clock_ns(void);
uint32_t clock_wall_sec(void);

/* tick.c: whether the periodic tick runs (no "notick" on the command
 * line). Set at boot, before preempt.c's boot step looks at it. */
extern int ticking;

/* Called for every VIRQ_TIMER, in the upcall (events masked), with the
 * time the event was taken at: whichever timer raised it, each looks at
 * the time and does what is due. */
void sleepers_wake(uint64_t now); /* sleep.c */
void slice_check(uint64_t now);	  /* preempt.c */

#endif
