/*
 * timer_oneshot (exercises 2 and 4): set_timer_op and VIRQ_TIMER, one
 * domain alone, so that a block waits in the VMM's idle halt:
 *  - a deadline 1 ms away: blocked, woken by VIRQ_TIMER, no earlier
 *    than the deadline and at most LATE_NS after it;
 *  - 0 cancels: a timer set and cancelled never fires;
 *  - a new setting replaces the old: set for +5 ms then +1 ms, one
 *    event, at +1 ms;
 *  - a deadline in the past (and deadline 1) fires at once;
 *  - ~0 never fires in the time we wait (and is cancelled after);
 *  - 20 deadlines in a row, each 300 us apart, each met within LATE_NS;
 *  - deadlines at 2^32 ns (its low half 0: no cancel) and 3 x 2^32 ns
 *    (system time past 2^33 ns), met within LATE_NS.
 */
#include <stddef.h>
#include <guest/events.h>
#include <guest/test.h>
#include <guest/time.h>

const char test_title[] = "timer_oneshot: set_timer_op, VIRQ_TIMER";

#define LATE_NS 20000ull /* the timer interrupt, the switch, the upcall */

static void on_time(const char *what, uint64_t deadline, uint64_t woke)
{
	check(woke >= deadline);
	if (woke - deadline > LATE_NS)
		xtf_failure("%s: %u ns late", what,
			    (uint32_t)(woke - deadline));
}

/* Spins for `ns` (events unmasked: each VIRQ_TIMER is an upcall); how
 * many came. */
static uint32_t events_during(uint64_t ns)
{
	uint32_t before = timer_events;

	spin_until(now_ns() + ns);
	return timer_events - before;
}

void test_main(void)
{
	uint64_t t, d;
	uint32_t worst = 0;

	check_eq(timer_init(NULL), 0);
	events_unmask();

	d = now_ns() + 1000000;
	t = sleep_until(d);
	on_time("1 ms", d, t);
	printf("1 ms timer: woke %u ns after the deadline\n",
	       (uint32_t)(t - d));

	check_eq(HYPERVISOR_set_timer_op(now_ns() + 500000), 0);
	check_eq(HYPERVISOR_set_timer_op(0), 0);
	check_eq(events_during(2000000), 0);
	printf("cancelled: no event in 2 ms\n");

	check_eq(HYPERVISOR_set_timer_op(now_ns() + 5000000), 0);
	d = now_ns() + 1000000;
	check_eq(HYPERVISOR_set_timer_op(d), 0);
	check_eq(events_during(8000000), 1);
	on_time("replaced", d, timer_seen_at);
	printf("replaced: one event, at the second deadline\n");

	check_eq(HYPERVISOR_set_timer_op(now_ns() - 1000), 0);
	check_eq(events_during(LATE_NS), 1);
	check_eq(HYPERVISOR_set_timer_op(1), 0);
	check_eq(events_during(LATE_NS), 1);
	printf("past deadlines: fired at once\n");

	check_eq(HYPERVISOR_set_timer_op(~0ull), 0);
	check_eq(events_during(5000000), 0);
	check_eq(HYPERVISOR_set_timer_op(0), 0);
	printf("deadline ~0: no event in 5 ms\n");

	for (int i = 0; i < 20; i++) {
		d = now_ns() + 300000;
		t = sleep_until(d);
		on_time("in a row", d, t);
		if (t - d > worst)
			worst = (uint32_t)(t - d);
	}
	printf("20 timers in a row: latest %u ns after its deadline\n", worst);

	/* Past 32 bits of nanoseconds (waited for in the idle halt): a
	 * deadline whose low half is 0 is no cancel, and system time goes
	 * on past 2^33 ns (a 32-bit high product in scale_delta, the i386
	 * `unsigned long`, would wrap it back). */
	d = 1ull << 32;
	t = sleep_until(d);
	on_time("at 2^32 ns", d, t);
	d = 3ull << 32;
	t = sleep_until(d);
	on_time("at 3 x 2^32 ns", d, t);
	printf("deadlines at 2^32 and 3 x 2^32 ns: on time\n");
	xtf_success("timers fire on time, once, and only when set");
}
