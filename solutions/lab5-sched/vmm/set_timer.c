/*
 * set_timer_op (hypercall 15) and vcpu_op's periodic timer (hypercall
 * 24): a guest's timers, each a struct timer (vmm/timer.h) that raises
 * VIRQ_TIMER. Deadlines are in system time (ns since boot), the time the
 * guest reads from its shared-info page.
 */
#include <stddef.h>
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/event_channel.h>
#include <public/vcpu.h>
#include <public/xen.h>
#include <vmm/event.h>
#include <vmm/guestmem.h>
#include <vmm/registry.h>
#include <vmm/time.h>
#include <vmm/vtimer.h>

#define vcpu_of_timer(t, field) \
	((struct vcpu *)((char *)(t)-offsetof(struct vcpu, ext.sched.field)))

static void oneshot_fired(struct timer *t)
{
	struct vcpu *v = vcpu_of_timer(t, oneshot);

	send_virq(v->domain, VIRQ_TIMER);
}

/* Ticks keep to their period (the next is due a period after the last
 * was due, not after it ran); one that is already past when the last
 * ran late is skipped, not run at once. */
static void periodic_fired(struct timer *t)
{
	struct vcpu *v = vcpu_of_timer(t, periodic);
	uint64_t now = now_ns(), next = t->expires + v->ext.sched.period;

	send_virq(v->domain, VIRQ_TIMER);
	v->ext.sched.last_tick = t->expires;
	if (next <= now)
		next = now + v->ext.sched.period;
	timer_set(t, next);
}

void vtimer_init(struct vcpu *v)
{
	v->ext.sched.oneshot.fn = oneshot_fired;
	v->ext.sched.periodic.fn = periodic_fired;
}

/*
 * LAB 5 EXERCISE 4. set_timer_op(lo, hi): the guest's one-shot timer at
 * system time timeout = hi:lo (ns). 0 cancels it (timer_stop). Any other
 * value replaces the timer's setting (timer_set on the vCPU's
 * ext.sched.oneshot): a deadline already past fires at the next
 * interrupt, at once; one far away (up to ~0) simply waits. Always 0.
 */
static long do_set_timer_op(unsigned long lo, unsigned long hi)
{
	struct vcpu *v = current;
	uint64_t timeout = (uint64_t)hi << 32 | lo;

	/* BEGIN LAB 5 EXERCISE 4 (set_timer_op) */
	if (!timeout)
		timer_stop(&v->ext.sched.oneshot);
	else
		timer_set(&v->ext.sched.oneshot, timeout);
	return 0;
	/* END LAB 5 EXERCISE 4 */
}
HYPERCALL(__HYPERVISOR_set_timer_op, do_set_timer_op);

void vtimer_resume(struct vcpu *v)
{
	uint64_t period = v->ext.sched.period, now;

	if (!period)
		return; /* the common case: no tick, no clock read */
	now = now_ns();
	if (now - v->ext.sched.last_tick >= period) {
		send_virq(v->domain, VIRQ_TIMER);
		v->ext.sched.last_tick = now;
	}
	timer_set(&v->ext.sched.periodic, v->ext.sched.last_tick + period);
}

void vtimer_pause(struct vcpu *v)
{
	timer_stop(&v->ext.sched.periodic);
}

void vtimer_stop_all(struct vcpu *v)
{
	timer_stop(&v->ext.sched.oneshot);
	timer_stop(&v->ext.sched.periodic);
}

/* vcpu_op: only vCPU 0 exists. */
static long do_vcpu_op(unsigned long cmd, unsigned long id, unsigned long arg)
{
	struct vcpu *v = current;
	struct vcpu_set_periodic_timer p;

	if (id != 0)
		return -ENOENT;
	switch (cmd) {
	case VCPUOP_set_periodic_timer:
		if (copy_from_guest(v->domain, &p, arg, sizeof(p)))
			return -EFAULT;
		if (p.period_ns < VCPU_PERIOD_MIN_NS ||
		    p.period_ns > VCPU_PERIOD_MAX_NS)
			return -EINVAL;
		v->ext.sched.period = p.period_ns;
		v->ext.sched.last_tick = now_ns();
		timer_set(&v->ext.sched.periodic,
			  v->ext.sched.last_tick + p.period_ns);
		return 0;
	case VCPUOP_stop_periodic_timer:
		v->ext.sched.period = 0;
		timer_stop(&v->ext.sched.periodic);
		return 0;
	default:
		return -ENOSYS;
	}
}
HYPERCALL(__HYPERVISOR_vcpu_op, do_vcpu_op);
