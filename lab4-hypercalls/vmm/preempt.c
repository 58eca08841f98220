/*
 * How long the VMM stays away from a guest: the budget that preemptible
 * hypercalls check (vmm/preempt.h), and the longest stay of each domain,
 * measured on every entry and shown in the summary.
 *
 * A stay runs from a guest's entry (trap) to the next return to a guest
 * (return_to_guest), whichever guest that is; it is counted for the
 * domain that entered. Under -icount the TSC counts instructions, so the
 * figures are exact.
 */
#include <arch/x86.h>
#include <public/xen.h>
#include <vmm/domain.h>
#include <vmm/preempt.h>
#include <vmm/printk.h>
#include <vmm/registry.h>
#include <vmm/sched.h>
#include <vmm/trap.h>

/* The low 32 bits of the TSC: a stay is far shorter than 2^32 ticks
 * (about 4 seconds at 1 GHz), and unsigned subtraction is right across
 * a wrap. */
static inline uint32_t tsc32(void)
{
	return (uint32_t)rdtsc();
}

static uint32_t stay_start;
static struct domain *stay_dom; /* NULL: no stay open */
static uint32_t stay_call;	/* the hypercall number, or ~0 */

static void stay_enter(struct cpu_regs *r)
{
	stay_start = tsc32();
	stay_dom = current->domain;
	stay_call = r->vector == HYPERCALL_VECTOR ? r->eax : ~0u;
}
GUEST_ENTRY(10, stay_enter);

/* Last of the resume hooks: the stay ends here. */
static void stay_leave(struct vcpu *v, struct cpu_regs *r)
{
	uint32_t t = tsc32() - stay_start;
	struct domain *d = stay_dom;

	(void)v, (void)r;
	if (!d || t <= d->ext.longest_stay) {
		stay_dom = NULL;
		return;
	}
	d->ext.longest_stay = t;
	d->ext.longest_stay_call = stay_call;
	stay_dom = NULL;
}
GUEST_RESUME(90, stay_leave);

int hypercall_preempt_check(void)
{
	return tsc32() - stay_start > PREEMPT_BUDGET;
}

void domain_summary_more(struct domain *d)
{
	if (d->ext.longest_stay_call == ~0u || !d->ext.longest_stay)
		printk("summary: d%u longest stay in the VMM %u ticks; %u "
		       "upcalls\n",
		       d->id, d->ext.longest_stay, d->vcpu.ext.upcalls);
	else
		printk("summary: d%u longest stay in the VMM %u ticks "
		       "(hypercall %u); %u upcalls\n",
		       d->id, d->ext.longest_stay, d->ext.longest_stay_call,
		       d->vcpu.ext.upcalls);
}
