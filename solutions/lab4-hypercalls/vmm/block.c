/*
 * Waiting for another domain: sched_op yield and block (lab 1's sched_op
 * has shutdown). A blocked vCPU is off the run queue until an event
 * raised for its domain wakes it (evtchn_set_pending -> vcpu_wake).
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/sched.h>
#include <public/shared_info.h>
#include <public/xen.h>
#include <vmm/domain.h>
#include <vmm/event.h>
#include <vmm/hypercall.h>
#include <vmm/printk.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

/* Lets the other runnable domains run first; returns when this one's
 * turn comes again (at once if it is alone). */
static long sched_yield(unsigned long arg)
{
	(void)arg;
	if (scheduler->yield) {
		scheduler->yield(current);
	} else {
		scheduler->sleep(current);
		scheduler->wake(current);
	}
	schedule();
	return 0;
}
SUBOP(__HYPERVISOR_sched_op, SCHEDOP_yield, sched_yield);

void vcpu_wake(struct vcpu *v)
{
	if (!v->ext.blocked || v->domain->state != DOM_RUNNING)
		return; /* not blocked, or dying: it never runs again */
	v->ext.blocked = 0;
	scheduler->wake(v);
}

/*
 * LAB 4 EXERCISE 7. sched_op block: enables event delivery (clears the
 * caller's evtchn_upcall_mask, as Xen does) and waits until an event is
 * pending. If one is pending already (evtchn_upcall_pending) it returns
 * at once: the guest checked for events, found none and called block,
 * and an event that came in between must not be lost. Otherwise marks
 * the vCPU blocked, takes it off the run queue and schedules; it
 * returns 0 when vcpu_wake has made it runnable and it runs again.
 */
static long sched_block(unsigned long arg)
{
	struct vcpu *v = current;
	struct vcpu_info *vi = &v->domain->ext.shared->vcpu_info[0];

	(void)arg;
	/* BEGIN LAB 4 EXERCISE 7 (sched_block) */
	vi->evtchn_upcall_mask = 0;
	if (vi->evtchn_upcall_pending)
		return 0;
	v->ext.blocked = 1;
	scheduler->sleep(v);
	schedule();
	return 0;
	/* END LAB 4 EXERCISE 7 */
}
SUBOP(__HYPERVISOR_sched_op, SCHEDOP_block, sched_block);

/*
 * Replaces lab 1's idle_wait (sched.c): the idle vCPU runs while domains
 * are alive, so all of them are blocked. Until lab 5 nothing but another
 * domain can raise an event: they would wait forever. The VMM says so
 * and ends them (a failure for each); it never panics over a guest's
 * choice. A domain that the end of an earlier one wakes (its peer's
 * port becomes pending) is not ended: it runs, and sees its peer gone.
 * A dying domain's page tables are released first, a budget at a time
 * (vmm/pt_preempt.c): the idle loop comes back here after each, and its
 * end may wake a domain.
 */
/* Lab 5 waits here for a timer (1: an interrupt came; the idle loop
 * looks again); until then there is nothing to wait for (0). */
__weak int idle_halt(void)
{
	return 0;
}

void idle_wait(void)
{
	if (domains_dying) {
		domain_reap();
		return;
	}
	if (idle_halt())
		return;
	printk("idle: every domain is blocked and nothing can wake them\n");
	for (int i = 0; i < MAX_DOMAINS; i++)
		if (domains[i].state == DOM_RUNNING &&
		    domains[i].vcpu.ext.blocked)
			domain_crash(&domains[i], NULL, 0,
				     "blocked forever: no domain can wake it");
}
