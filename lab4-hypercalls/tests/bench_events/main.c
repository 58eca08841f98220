/*
 * bench_events: the costs of lab 4's control transfers within one domain,
 * in cycles (one cycle = one instruction under -icount):
 *  - xen_version: the cheapest hypercall that does something (a null
 *    hypercall through lab 4's dispatch, continuation and event checks);
 *  - a multicall of 32 xen_version calls, per call, against 32 traps;
 *  - an event sent on a loopback channel to the callback's first line
 *    (send -> VMM -> upcall), and the whole send when unmasked (upcall
 *    and iret included) against a send while masked (no upcall).
 * Each figure is the mean of N runs minus an empty loop of the same
 * shape.
 */
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "benchmark: hypercalls, multicalls, events";

#define N     1000
#define BATCH 32

static struct multicall_entry batch[BATCH];
static volatile uint64_t t_upcall;

static void handler(uint32_t port)
{
	(void)port;
	t_upcall = rdtsc();
}

static uint32_t empty_loop(void)
{
	uint64_t t0 = rdtsc();

	for (int i = 0; i < N; i++)
		__asm__ volatile("" ::: "memory");
	return (uint32_t)(rdtsc() - t0);
}

static void bench_null(uint32_t empty)
{
	uint64_t t0 = rdtsc();

	for (int i = 0; i < N; i++)
		HYPERVISOR_xen_version(XENVER_version, 0);
	bench_report("xen_version", ((uint32_t)(rdtsc() - t0) - empty) / N,
		     "cycles");
}

static void bench_multicall(uint32_t empty)
{
	uint64_t t0;

	for (int i = 0; i < BATCH; i++)
		batch[i] = (struct multicall_entry){ __HYPERVISOR_xen_version,
						     0,
						     { XENVER_version } };
	t0 = rdtsc();
	for (int i = 0; i < N; i++)
		HYPERVISOR_multicall(batch, BATCH);
	bench_report("multicall_32", ((uint32_t)(rdtsc() - t0) - empty) / N,
		     "cycles");
	bench_report("multicall_per_call",
		     ((uint32_t)(rdtsc() - t0) - empty) / N / BATCH, "cycles");
}

static void bench_events(uint32_t empty)
{
	int a = evtchn_alloc_unbound(DOMID_SELF);
	int b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)a);
	uint64_t t0, sum = 0;

	check(a > 0 && b > 0);
	check_eq(events_init(handler), 0);
	events_unmask();
	for (int i = 0; i < N; i++) {
		t0 = rdtsc();
		evtchn_send((uint32_t)a);
		sum += t_upcall - t0;
	}
	bench_report("event_send_to_upcall", (uint32_t)sum / N, "cycles");
	t0 = rdtsc();
	for (int i = 0; i < N; i++)
		evtchn_send((uint32_t)a);
	bench_report("event_send_unmasked",
		     ((uint32_t)(rdtsc() - t0) - empty) / N, "cycles");
	events_mask();
	t0 = rdtsc();
	for (int i = 0; i < N; i++)
		evtchn_send((uint32_t)a);
	bench_report("event_send_masked",
		     ((uint32_t)(rdtsc() - t0) - empty) / N, "cycles");
	check_eq(upcalls, 2 * N);
}

void test_main(void)
{
	uint32_t empty = empty_loop();

	bench_null(empty);
	bench_multicall(empty);
	bench_events(empty);
	xtf_success("measured");
}
