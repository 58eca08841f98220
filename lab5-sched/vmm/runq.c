/* The run queue and dispatch bookkeeping of lab 5's policies
 * (vmm/runq.h). */
#include <vmm/printk.h>
#include <vmm/runq.h>
#include <vmm/sched.h>
#include <vmm/time.h>
#include <vmm/timer.h>
#include <vmm/trace.h>

struct vcpu *rq[MAX_DOMAINS];
int rq_len;
volatile int need_resched;
const char *resched_why = "";

static struct timer slice_timer;

void resched(const char *why)
{
	need_resched = 1;
	resched_why = why;
}

static void slice_over(struct timer *t)
{
	(void)t;
	resched("slice");
}

/* v (not on the queue) joins at the tail. */
static void append(struct vcpu *v)
{
	rq[rq_len++] = v;
	v->ext.sched.on_rq = 1;
}

void rq_add(struct vcpu *v)
{
	if (v->ext.sched.on_rq)
		return;
	append(v);
	trace_wake(v);
}

void rq_add_head(struct vcpu *v)
{
	if (v->ext.sched.on_rq)
		return;
	for (int i = rq_len; i > 0; i--)
		rq[i] = rq[i - 1];
	rq[0] = v;
	rq_len++;
	v->ext.sched.on_rq = 1;
	trace_wake(v);
}

void rq_remove(struct vcpu *v)
{
	if (!v->ext.sched.on_rq)
		return;
	for (int i = 0; i < rq_len; i++) {
		if (rq[i] != v)
			continue;
		for (rq_len--; i < rq_len; i++)
			rq[i] = rq[i + 1];
		break;
	}
	v->ext.sched.on_rq = 0;
}

uint64_t rq_charge_current(uint64_t now)
{
	struct vcpu *v = current;
	uint64_t ran;

	if (!v->domain)
		return 0; /* the idle vCPU is never charged */
	ran = now - v->ext.sched.dispatched_at;
	v->ext.sched.cpu_time += ran;
	v->ext.sched.dispatched_at = now;
	return ran;
}

void rq_dispatch(struct vcpu *v, uint64_t now, uint64_t slice)
{
	rq_remove(v);
	append(v); /* to the tail: a move, not a wake-up */
	v->ext.sched.dispatched_at = now;
	v->ext.sched.dispatches++;
	trace_dispatch(v, now); /* before resched_why is cleared */
	need_resched = 0;	/* this pick is the one asked for */
	resched_why = "";
	slice_timer.fn = slice_over;
	timer_set_now(&slice_timer, now + slice, now);
}

void rq_slice_ends_by(uint64_t t)
{
	if (slice_timer.active && slice_timer.expires > t)
		timer_set(&slice_timer, t);
}

void rq_idle(void)
{
	trace_idle();
	need_resched = 0;
	resched_why = "";
	timer_stop(&slice_timer);
}
