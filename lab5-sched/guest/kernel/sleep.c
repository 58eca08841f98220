/*
 * Sleeping until a deadline (lab 5): the sleep_ns system call, on the
 * one-shot timer.
 *
 * A process that calls sleep_ns(ns) waits (proc_sleep) until system
 * time reaches its deadline, now + ns. The VMM keeps one one-shot timer
 * per domain (set_timer_op), so the kernel sets it for the earliest
 * deadline of all its sleepers; when it fires (tick.c), sleepers_wake
 * wakes every sleeper whose deadline has passed and sets the timer for
 * the earliest of those left. A periodic tick also calls sleepers_wake,
 * but never wakes anyone early: only the deadline counts. While every
 * process sleeps, the scheduler idles (lab 4's idle: SCHEDOP_block)
 * until the timer's event.
 *
 * Invariants, all kept inside critical sections (events masked), so
 * that the timer's event cannot come between a look and an action:
 *   - deadline[i] is the deadline of the process in slot i while it
 *     sleeps here, 0 when it does not;
 *   - armed is what the one-shot timer is set for (0: not set), and it
 *     is never later than the earliest deadline.
 */
#include <guest/time.h> /* the hypercalls; the rest is testlib's */
#include <guest/syscall_time.h>
#include <clock.h>
#include <kernel.h>

static uint64_t deadline[NPROC];
static struct proc *sleeper[NPROC];
static uint64_t armed;

/* Sets the one-shot timer for the earliest deadline, if it is not set
 * for it already (a hypercall saved); cancels it if nobody sleeps. */
static void arm(void)
{
	uint64_t first = 0;

	for (int i = 0; i < NPROC; i++)
		if (deadline[i] && (!first || deadline[i] < first))
			first = deadline[i];
	if (first == armed)
		return;
	HYPERVISOR_set_timer_op(first); /* 0 cancels */
	armed = first;
}

/* The VMM fires the timer once its system time reaches the deadline;
 * we read the same time, later: if the deadline has passed, the timer
 * has fired (this event or an earlier one) and is no longer set. */
void sleepers_wake(uint64_t now)
{
	if (armed && armed <= now)
		armed = 0;
	for (int i = 0; i < NPROC; i++) {
		if (deadline[i] && deadline[i] <= now) {
			deadline[i] = 0;
			proc_wake(sleeper[i]);
		}
	}
	arm();
}

/* sleep_ns(lo, hi): returns once hi:lo ns have passed, 0. The loop
 * sleeps again after a wake-up for another reason (lab 3: a child's
 * end wakes its parent). */
static long sys_sleep_ns(struct trapframe *tf)
{
	uint64_t now = clock_ns();
	uint64_t until = now + ((uint64_t)tf->ecx << 32 | tf->ebx);
	int i = proc_index(cur);
	unsigned long saved;

	if (until < now)
		until = ~0ull; /* past 2^64 ns: for ever, in effect */
	saved = crit_enter();
	while (clock_ns() < until) {
		deadline[i] = until;
		sleeper[i] = cur;
		arm();
		proc_sleep();
	}
	deadline[i] = 0;
	crit_exit(saved);
	return 0;
}
SYSCALL(SYS_sleep_ns, sys_sleep_ns);
