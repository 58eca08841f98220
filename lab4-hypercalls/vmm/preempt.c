/*
 * How long the VMM stays away from a guest: the budget that preemptible
 * hypercalls check (vmm/preempt.h), and the longest stay of each domain,
 * shown in the summary. The stays are timed on every entry and return
 * (vmm/entry_events.h, inline in the hot path).
 */
#include <public/xen.h>
#include <vmm/domain.h>
#include <vmm/entry_events.h>
#include <vmm/preempt.h>
#include <vmm/printk.h>

uint32_t stay_start;
struct domain *stay_dom; /* NULL: no stay open */
uint32_t stay_call;	 /* the hypercall number, or ~0 */

uint32_t timer_due_tsc32;
uint8_t timer_due_set;

int hypercall_preempt_check(void)
{
	uint32_t now = tsc32();

	return now - stay_start > PREEMPT_BUDGET ||
	       (timer_due_set && (int32_t)(now - timer_due_tsc32) >= 0);
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
