/* Domain lifecycle after the build: shutdown, crash, destruction. */
#include <stdarg.h>
#include <lib/printfmt.h>
#include <lib/string.h>
#include <public/sched.h>
#include <vmm/console.h>
#include <vmm/domain.h>
#include <vmm/frame.h>
#include <vmm/printk.h>
#include <vmm/registry.h>
#include <vmm/sched.h>
#include <vmm/trap.h>

struct domain domains[MAX_DOMAINS];

static const char *const shutdown_names[] = {
	[SHUTDOWN_poweroff] = "poweroff",
	[SHUTDOWN_reboot] = "reboot",
	[SHUTDOWN_suspend] = "suspend",
	[SHUTDOWN_crash] = "crash",
};

void domain_console_flush(struct domain *d)
{
	char prefix[8];
	int n;

	if (!d->con_len)
		return;
	n = snprintf(prefix, sizeof(prefix), "(d%u) ", d->id);
	console_write(prefix, (size_t)n);
	console_write(d->con_line, d->con_len);
	console_putc('\n');
	d->con_len = 0;
}

unsigned domains_dying;

/* Lab 4 replaces this: 0 when d holds nothing that takes long to release,
 * -ERESTART when it stopped half way (domain.h). */
__weak int domain_relinquish(struct domain *d)
{
	(void)d;
	return 0;
}

/* Releases everything d holds; also undoes a partial build. */
void domain_destroy(struct domain *d)
{
	if (d->state == DOM_RUNNING)
		sched_remove(&d->vcpu);
	if (domain_relinquish(d)) {
		domains_dying += d->state != DOM_DYING;
		d->state = DOM_DYING;
		return;
	}
	domains_dying -= d->state == DOM_DYING;
	for_each_entry (teardown_step, t)
		t->fn(d);
	domain_console_flush(d);
	for (pfn_t pfn = 0; pfn < d->nr_pages; pfn++)
		if (d->p2m[pfn] != INVALID_MFN)
			frame_free(d->p2m[pfn]);
	d->nr_pages = 0;
	if (d->perdomain_l1 != INVALID_MFN)
		frame_free(d->perdomain_l1);
	d->perdomain_l1 = INVALID_MFN;
	d->state = DOM_DEAD;
}

void domain_reap(void)
{
	for (int i = 0; i < MAX_DOMAINS; i++)
		if (domains[i].state == DOM_DYING)
			domain_destroy(&domains[i]);
}

void domain_shutdown(struct domain *d, unsigned int reason)
{
	d->shutdown_reason = (int)reason;
	snprintf(d->exit_why, sizeof(d->exit_why), "shut down (%s)",
		 shutdown_names[reason]);
	domain_console_flush(d);
	printk("d%u (%s): %s\n", d->id, d->name, d->exit_why);
	domain_destroy(d);
}

void domain_crash(struct domain *d, const struct cpu_regs *regs, uint32_t cr2,
		  const char *fmt, ...)
{
	va_list ap;

	d->shutdown_reason = -1;
	va_start(ap, fmt);
	vsnprintf(d->exit_why, sizeof(d->exit_why), fmt, ap);
	va_end(ap);
	domain_console_flush(d);
	printk("d%u (%s): destroyed: %s\n", d->id, d->name, d->exit_why);
	if (regs)
		dump_regs(regs, cr2);
	domain_destroy(d);
}

/* Lab 4 adds a line after each domain's: its longest stay in the VMM. */
__weak void domain_summary_more(struct domain *d)
{
	(void)d;
}

int domains_summary(void)
{
	int failed = 0;

	for (int i = 0; i < MAX_DOMAINS; i++) {
		struct domain *d = &domains[i];
		int ok = d->shutdown_reason == SHUTDOWN_poweroff;

		if (d->state == DOM_FREE)
			continue;
		printk("summary: d%u %-16s %s %7u entries  %s\n", d->id,
		       d->name, ok ? "ok    " : "FAILED", d->vmm_entries,
		       d->exit_why);
		domain_summary_more(d);
		failed += !ok;
	}
	return failed;
}
