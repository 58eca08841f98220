/*
 * The BVT policy (vmm/bvt.h has the decisions): lab 1's struct scheduler
 * on lab 5's run queue. A vCPU is charged when it stops running (and
 * when the scheduler looks, at the end of a slice); the pick gives the
 * slice; a wake-up may preempt the running vCPU.
 */
#include <vmm/runq.h>
#include <vmm/sched.h>
#include <vmm/time.h>

struct bvt_params bvt_global = { .ctx_allow = BVT_CTX_ALLOW_NS };

void sched_bvt_charge_current(uint64_t now)
{
	struct vcpu *v = current;
	uint64_t ran = rq_charge_current(now);

	if (v->domain)
		bvt_charge(&v->ext.sched.bvt, ran, now);
}

/* v's BVT times as they would be if it were charged now: v itself,
 * unless it is the running vCPU. (The running vCPU is charged when it
 * stops, not at every wake-up of another: each charge rounds up to an
 * MCU, so charging at every wake-up would overcharge whoever wakes the
 * others often.) */
static struct bvt bvt_now(struct vcpu *v, uint64_t now)
{
	struct bvt b = v->ext.sched.bvt;
	int64_t more;

	if (v == current) {
		more = bvt_evt_if_charged(&b,
					  now - v->ext.sched.dispatched_at) -
		       b.evt;
		b.avt += more;
		b.evt += more;
	}
	return b;
}

/* System virtual time: the lowest avt of the runnable vCPUs, the running
 * one's as charged up to now. When none is runnable it keeps its last
 * value: a vCPU that wakes on an idle CPU must still not bring back
 * credit for its sleep. */
static int64_t last_svt;

static int64_t svt(uint64_t now)
{
	for (int i = 0; i < rq_len; i++) {
		int64_t a = bvt_now(rq[i], now).avt;

		if (i == 0 || a < last_svt)
			last_svt = a;
	}
	return last_svt;
}

static void bvt_wake_vcpu(struct vcpu *v)
{
	uint64_t now, grace;
	struct vcpu *cur = current;
	struct bvt cur_now;

	if (v->ext.sched.paused || v->ext.sched.on_rq)
		return;
	now = now_ns();
	bvt_wake(&v->ext.sched.bvt, svt(now), now);
	/* A vCPU that wakes goes first among equals (Xen's BVT puts it at
	 * the head of the run queue): it has just been clamped to svt, so
	 * it ties with whoever has run most fairly, and the tie is what
	 * gets a woken domain the CPU soon. A new domain waits its turn in
	 * boot order. */
	if (v->ext.sched.dispatches)
		rq_add_head(v);
	else
		rq_add(v);
	/* Preempt the running vCPU now, or cut its slice to the grace the
	 * context-switch allowance gives it (bvt_wake_grace). */
	if (!cur->domain || !cur->ext.sched.on_rq) {
		resched("wake");
		return;
	}
	cur_now = bvt_now(cur, now);
	grace = bvt_wake_grace(&v->ext.sched.bvt, &cur_now, &bvt_global);
	if (!grace)
		resched("wake");
	else
		rq_slice_ends_by(now + grace);
}

static void bvt_sleep_vcpu(struct vcpu *v)
{
	rq_remove(v);
}

/* Set by yield: left out of the next pick if anyone else can run. */
static struct vcpu *yielder;

static struct vcpu *bvt_pick_next(void)
{
	struct bvt *q[MAX_DOMAINS];
	struct vcpu *who[MAX_DOMAINS];
	uint64_t now = now_ns(), slice;
	int n = 0, i;

	sched_bvt_charge_current(now);
	for (i = 0; i < rq_len; i++)
		if (rq[i] != yielder || rq_len == 1) {
			who[n] = rq[i];
			q[n++] = &rq[i]->ext.sched.bvt;
		}
	yielder = NULL;
	if (!n) {
		rq_idle();
		return NULL;
	}
	i = bvt_pick(q, n, &bvt_global, &slice);
	rq_dispatch(who[i], now, slice);
	return who[i];
}

/* Yield: BVT itself has no such notion (the lowest evt runs, and the
 * yielder may well be it), so the kit keeps Xen's promise of sched_op
 * yield - the others run first - by leaving the yielder out of one pick.
 * It is charged what it ran, as always. */
static void bvt_yield(struct vcpu *v)
{
	yielder = v;
}

const struct scheduler sched_bvt = {
	.name = "bvt",
	.wake = bvt_wake_vcpu,
	.sleep = bvt_sleep_vcpu,
	.pick_next = bvt_pick_next,
	.yield = bvt_yield,
};
