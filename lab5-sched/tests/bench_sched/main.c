/*
 * bench_sched: lab 5's costs, in instructions under -icount.
 *  - role=switch (domains 0 and 1, both with it): they yield to each
 *    other N times; domain 0 reports domain_switch, the cost of one
 *    switch from one domain to the other: a yield hypercall, the pick,
 *    the context switch and the return (the round trip over two);
 *  - role=timer (alone): timer_to_upcall, from a one-shot deadline to
 *    the guest's event handler (the PIT interrupt, the timer list,
 *    send_virq, the upcall), averaged over N timers 100 us ahead while
 *    the domain spins.
 */
#include <arch/x86.h>
#include <guest/events.h>
#include <guest/test.h>
#include <guest/time.h>
#include <lib/string.h>

const char test_title[] = "bench_sched: switch and timer costs";

#define N 2000

static void switches(void)
{
	uint64_t t0;

	/* Both domains run the loop; the first yields start the other. */
	check_eq(HYPERVISOR_sched_op(SCHEDOP_yield, 0), 0);
	t0 = rdtsc();
	for (int i = 0; i < N; i++)
		HYPERVISOR_sched_op(SCHEDOP_yield, 0);
	if (test_arg_num("report", 0))
		bench_report("domain_switch",
			     (uint32_t)udiv64(rdtsc() - t0, 2 * N), "cycles");
}

static void timers(void)
{
	uint64_t sum = 0, d;

	check_eq(timer_init(NULL), 0);
	events_unmask();
	for (int i = 0; i < N / 10; i++) {
		uint32_t seen = timer_events;

		d = now_ns() + 100000;
		check_eq(HYPERVISOR_set_timer_op(d), 0);
		while (timer_events == seen)
			;
		sum += timer_seen_at - d;
	}
	bench_report("timer_to_upcall", (uint32_t)udiv64(sum, N / 10), "ns");
}

void test_main(void)
{
	char role[8] = "";

	test_arg("role", role, sizeof(role));
	if (!strcmp(role, "timer"))
		timers();
	else
		switches();
	xtf_success("measured");
}
