/*
 * Lab 5's scheduler glued into lab 1's core: at boot, time and the policy
 * (sched=rr on the VMM's command line for round robin, BVT otherwise);
 * at each switch, the time published to the guest that runs next and its
 * periodic tick; at a domain's build and death, its timers; in the idle
 * loop, a halt until the next timer.
 */
#include <arch/x86.h>
#include <lib/cmdline.h>
#include <lib/string.h>
#include <vmm/builder.h>
#include <vmm/entry_events.h>
#include <vmm/fpu.h>
#include <vmm/modules.h>
#include <vmm/printk.h>
#include <vmm/registry.h>
#include <vmm/runq.h>
#include <vmm/sched.h>
#include <vmm/time.h>
#include <vmm/timer.h>
#include <vmm/vtime.h>
#include <vmm/vtimer.h>

static void sched_boot(void)
{
	char pol[8];

	time_init();
	scheduler = &sched_bvt;
	if (cmdline_get(vmm_cmdline, "sched", pol, sizeof(pol))) {
		if (!strcmp(pol, "rr"))
			scheduler = &sched_rr;
		else if (strcmp(pol, "bvt"))
			printk("sched: unknown policy sched=%s (rr, bvt)\n",
			       pol);
	}
	printk("sched: %s\n", scheduler->name);
}
INITCALL(30, sched_boot);

/* The vCPU that runs next gets the time fresh, its periodic tick and TS
 * set for the lazy FPU switch; the one that stops has its tick stopped.
 * (current is still the one that stops.) */
static void sched_switch(struct vcpu *next)
{
	fpu_switch_to(next);
	if (current->domain && current->ext.sched.period)
		vtimer_pause(current);
	if (next->domain) {
		update_vcpu_time(next->domain);
		if (next->ext.sched.period)
			vtimer_resume(next);
	}
}
SWITCH_HOOK(20, sched_switch);

/* Paused domains when nothing else can run: domain 0, which paused them,
 * is blocked for ever or gone, so no one will unpause them. They end, as
 * lab 4 ends domains blocked for ever. Returns how many. */
static int end_paused(void)
{
	int n = 0;

	for (int i = 0; i < MAX_DOMAINS; i++)
		if (domains[i].state == DOM_RUNNING &&
		    domains[i].vcpu.ext.sched.paused) {
			domain_crash(&domains[i], NULL, 0,
				     "paused, and no domain can unpause it");
			n++;
		}
	return n;
}

/* Replaces lab 4's weak idle_halt (vmm/block.c): no domain can run. If a
 * timer can still wake one, halt until an interrupt (interrupts are on
 * only inside the halt). The stay in the VMM of the domain that blocked
 * ends before: halting is not work the VMM does for it. If no timer is
 * set, paused domains end first (they would wait for ever), then lab 4
 * ends the blocked ones. */
int idle_halt(void)
{
	stay_end();
	if (timers_next() == ~0ull)
		return end_paused() > 0;
	__asm__ volatile("sti; hlt; cli" : : : "memory");
	return 1;
}

/* part / whole in thousandths (whole > 0). */
static uint32_t permille(uint64_t part, uint64_t whole)
{
	return whole ? (uint32_t)udiv64(part * 1000, whole) : 0;
}

/* The summary of a domain's CPU: what it used of the time it lived. */
static void sched_teardown(struct domain *d)
{
	struct vcpu *v = &d->vcpu;
	uint64_t now = now_ns(), life;

	if (current == v)
		rq_charge_current(now);
	vtimer_stop_all(v);
	fpu_release(v);
	life = now - v->ext.sched.born;
	printk("sched: d%u ran %u us in %u dispatches, %u.%u%% of the CPU in "
	       "its %u us (mcu_adv %u)\n",
	       d->id, (uint32_t)udiv64(v->ext.sched.cpu_time, NSEC_PER_USEC),
	       v->ext.sched.dispatches,
	       permille(v->ext.sched.cpu_time, life) / 10,
	       permille(v->ext.sched.cpu_time, life) % 10,
	       (uint32_t)udiv64(life, NSEC_PER_USEC),
	       v->ext.sched.bvt.mcu_advance);
}
TEARDOWN_STEP(05, sched_teardown);
