/*
 * bench_pingpong: an event's round trip between two domains, in cycles:
 * domain 0 (role=ping) sends and blocks; domain 1 (role=pong), woken by
 * it, answers from its callback's loop and blocks; domain 0 wakes. The
 * figure is the mean over N round trips: two sends, two blocks, two
 * domain switches, two upcalls and two irets.
 */
#include <guest/events.h>
#include <guest/test.h>
#include <lib/string.h>

const char test_title[] = "benchmark: event round trip between domains";

#define N 1000

static volatile uint32_t got;

static void handler(uint32_t port)
{
	(void)port;
	got++;
}

/* Blocks until got reaches n. */
static void wait_for(uint32_t n)
{
	for (;;) {
		events_mask();
		if (got >= n)
			break;
		HYPERVISOR_sched_op(SCHEDOP_block, 0);
	}
	events_unmask();
}

void test_main(void)
{
	char role[8];
	uint64_t t0;
	int p;

	check_eq(events_init(handler), 0);
	test_arg("role", role, sizeof(role));
	if (!strcmp(role, "ping")) {
		p = evtchn_alloc_unbound(1);
		wait_for(1); /* pong is ready */
		t0 = rdtsc();
		for (uint32_t i = 1; i <= N; i++) {
			evtchn_send((uint32_t)p);
			wait_for(i + 1);
		}
		bench_report("event_round_trip_2dom",
			     (uint32_t)(rdtsc() - t0) / N, "cycles");
	} else {
		p = evtchn_bind_interdomain(0, 1);
		evtchn_send((uint32_t)p);
		for (uint32_t i = 1; i <= N; i++) {
			wait_for(i);
			evtchn_send((uint32_t)p);
		}
	}
	xtf_success("measured");
}
