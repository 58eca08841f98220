/*
 * Round robin, lab 5's first policy (sched=rr on the VMM's command line):
 * every runnable vCPU in turn, for RR_SLICE_NS each, in the run queue's
 * order. Fair in turns, blind to weights and to who slept: a domain that
 * blocks half its slice away gets less CPU than one that spins, and
 * nothing lets a latency-sensitive domain go first. BVT (sched_bvt.c)
 * answers both.
 */
#include <lib/exercise.h>
#include <vmm/runq.h>
#include <vmm/sched.h>
#include <vmm/time.h>

#define RR_SLICE_NS (10 * NSEC_PER_MSEC)

static void rr_wake(struct vcpu *v)
{
	if (v->ext.sched.paused)
		return;
	rq_add(v); /* at the tail: it waits its turn */
	if (!current->domain)
		resched("wake"); /* the CPU is idle: run it */
}

static void rr_sleep(struct vcpu *v)
{
	rq_remove(v);
}

/*
 * LAB 5 EXERCISE 5. The next vCPU in turn, or NULL if none is runnable
 * (then stops the slice timer: rq_idle). Charges current for its run
 * first (rq_charge_current; round robin charges nothing more), so that
 * the summary shows each domain's CPU. The turn is the head of the run
 * queue (the least recently dispatched); rq_dispatch gives it
 * RR_SLICE_NS and moves it to the tail.
 */
static struct vcpu *rr_pick_next(void)
{
	uint64_t now = now_ns();

	/* BEGIN LAB 5 EXERCISE 5 (rr_pick_next) */
	rq_charge_current(now);
	if (!rq_len) {
		rq_idle();
		return NULL;
	}
	rq_dispatch(rq[0], now, RR_SLICE_NS);
	return rq[rq_len - 1];
	/* END LAB 5 EXERCISE 5 */
}

/* Yield: the running vCPU is dispatched most recently, so it is already
 * last in turn; rr_pick_next takes the head, someone else if anyone. */
const struct scheduler sched_rr = {
	.name = "rr",
	.wake = rr_wake,
	.sleep = rr_sleep,
	.pick_next = rr_pick_next,
};
