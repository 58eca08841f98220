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

static uint64_t stay_start;
static struct domain *stay_dom; /* NULL: no stay open */
static uint32_t stay_call;	/* hypercall number, or ~0 */

static void stay_enter(struct cpu_regs *r)
{
	stay_start = rdtsc();
	stay_dom = current->domain;
	stay_call = r->vector == HYPERCALL_VECTOR ? r->eax : ~0u;
}
GUEST_ENTRY(10, stay_enter);

/* Last of the resume hooks: the stay ends here. */
static void stay_leave(struct vcpu *v, struct cpu_regs *r)
{
	uint64_t t = rdtsc() - stay_start;

	(void)v, (void)r;
	if (!stay_dom)
		return;
	if (t > stay_dom->ext.longest_stay) {
		stay_dom->ext.longest_stay = t > ~0u ? ~0u : (uint32_t)t;
		stay_dom->ext.longest_stay_call = stay_call;
	}
	stay_dom = NULL;
}
GUEST_RESUME(90, stay_leave);

int hypercall_preempt_check(void)
{
	return rdtsc() - stay_start > PREEMPT_BUDGET;
}

void domain_summary_more(struct domain *d)
{
	if (d->ext.longest_stay_call == ~0u || !d->ext.longest_stay)
		printk("summary: d%u longest stay in the VMM %u ticks\n",
		       d->id, d->ext.longest_stay);
	else
		printk("summary: d%u longest stay in the VMM %u ticks "
		       "(hypercall %u)\n",
		       d->id, d->ext.longest_stay, d->ext.longest_stay_call);
}
