/* The scheduling trace (vmm/trace.h): the records, the reasons, the
 * dump. */
#include <lib/cmdline.h>
#include <lib/printfmt.h>
#include <vmm/modules.h>
#include <vmm/printk.h>
#include <vmm/registry.h>
#include <vmm/runq.h>
#include <vmm/sched.h>
#include <vmm/trace.h>

/* A run (why set) or a wake-up (why NULL, at `start`). */
struct trace_rec {
	uint64_t start, end;
	const char *why;
	domid_t dom;
};

uint8_t trace_on;

static struct trace_rec recs[TRACE_MAX];
static uint32_t nrecs, lost;

/* The turn in progress: who was dispatched (NULL: none), and when. */
static struct vcpu *running;
static uint64_t running_since;

static void trace_boot(void)
{
	trace_on = cmdline_get(vmm_cmdline, "trace", NULL, 0);
	if (trace_on)
		printk("trace: scheduling trace on, %u records\n", TRACE_MAX);
}
INITCALL(31, trace_boot); /* after the clock (sched_core.c, 30) */

static void add(domid_t dom, uint64_t start, uint64_t end, const char *why)
{
	if (nrecs == TRACE_MAX) {
		lost++;
		return;
	}
	recs[nrecs++] = (struct trace_rec){ start, end, why, dom };
}

/* Why v's turn ends now (the list in vmm/trace.h). */
static const char *why_ended(const struct vcpu *v)
{
	if (v->domain->state != DOM_RUNNING)
		return "died";
	if (v->ext.blocked)
		return "block";
	if (*resched_why)
		return resched_why;
	return "yield";
}

static void end_turn(uint64_t now, const char *why)
{
	add(running->domain->id, running_since, now, why);
	running = NULL;
}

void trace_turn(struct vcpu *v, uint64_t now)
{
	if (running)
		end_turn(now, why_ended(running));
	running = v;
	running_since = now;
}

void trace_woken(struct vcpu *v)
{
	add(v->domain->id, now_ns(), 0, NULL);
}

/* t (ns) in decimal: printk has no 64-bit conversion. */
static const char *dec64(char *buf, size_t size, uint64_t t)
{
	uint64_t sec = udiv64(t, NSEC_PER_SEC);
	uint32_t ns = (uint32_t)(t - sec * NSEC_PER_SEC);

	if (sec)
		snprintf(buf, size, "%u%09u", (uint32_t)sec, ns);
	else
		snprintf(buf, size, "%u", ns);
	return buf;
}

static void dump(void)
{
	char a[24], b[24];

	for (uint32_t i = 0; i < nrecs; i++) {
		const struct trace_rec *r = &recs[i];

		if (r->why)
			printk("trace: run d%u %s %s %s\n", r->dom,
			       dec64(a, sizeof(a), r->start),
			       dec64(b, sizeof(b), r->end), r->why);
		else
			printk("trace: wake d%u %s\n", r->dom,
			       dec64(a, sizeof(a), r->start));
	}
	printk("trace: end: %u records, %u lost\n", nrecs, lost);
}

static int others_alive(const struct domain *d)
{
	for (int i = 0; i < MAX_DOMAINS; i++)
		if (&domains[i] != d && (domains[i].state == DOM_RUNNING ||
					 domains[i].state == DOM_DYING))
			return 1;
	return 0;
}

/* A domain dies: if it is the one running, its turn ends here (the next
 * dispatch finds no turn to end; and its state is not yet DOM_DEAD, so
 * why_ended could not tell). The last one's death ends the trace. */
static void trace_teardown(struct domain *d)
{
	if (!trace_on)
		return;
	if (running == &d->vcpu)
		end_turn(now_ns(), "died");
	if (others_alive(d))
		return;
	dump();
	trace_on = 0;
}
TEARDOWN_STEP(06, trace_teardown);
