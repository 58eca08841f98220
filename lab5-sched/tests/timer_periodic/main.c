/*
 * timer_periodic (vcpu_op's periodic tick; exercises 2 and 4 for the
 * timers): one domain, then a second beside it.
 *  - alone: a 2 ms tick while it spins 20 ms gives 10 VIRQ_TIMERs (one
 *    either way), each 2 ms after the one before (within LATE_NS of the
 *    period's mark: the ticks keep to their period, they do not drift);
 *  - a one-shot timer set and cancelled meanwhile leaves the tick
 *    running: 5 (one either way) in the next 10 ms;
 *  - stopped: none in the next 10 ms;
 *  - beside a hog (role=hog, domain 1, asleep for the first 50 ms), the
 *    tick comes only while we run,
 *    at most one for all the periods we missed while the hog ran.
 */
#include <stddef.h>
#include <guest/events.h>
#include <guest/test.h>
#include <guest/time.h>
#include <lib/string.h>

const char test_title[] = "timer_periodic: vcpu_op's periodic tick";

#define MS	1000000ull
#define LATE_NS 20000ull

static volatile uint64_t first_tick, last_tick;
static volatile uint32_t ticks, drift_bad;
static uint64_t period;

static void on_tick(void)
{
	uint64_t t = timer_seen_at;

	if (!ticks)
		first_tick = t;
	else if ((int64_t)(t - first_tick - period * ticks) >
			 (int64_t)LATE_NS ||
		 (int64_t)(t - first_tick - period * ticks) < -(int64_t)LATE_NS)
		drift_bad++;
	last_tick = t;
	ticks++;
}

static uint32_t ticks_during(uint64_t ns, int check_drift)
{
	uint32_t seen = timer_events, n = 0;
	uint64_t end = now_ns() + ns;

	ticks = 0;
	drift_bad = 0;
	while (now_ns() < end)
		if (timer_events != seen) {
			seen = timer_events;
			n++;
			if (check_drift)
				on_tick();
		}
	return n;
}

static long periodic(uint64_t ns)
{
	struct vcpu_set_periodic_timer p = { ns };

	return HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 0, &p);
}

static void ticker(void)
{
	uint32_t n;

	check_eq(timer_init(NULL), 0);
	events_unmask();
	period = 2 * MS;
	check_eq(periodic(period), 0);
	n = ticks_during(20 * MS + MS / 2, 1);
	check(n >= 9 && n <= 11);
	check_eq(drift_bad, 0);
	printf("2 ms tick: %u ticks in 20.5 ms, %u off its period\n", n,
	       drift_bad);

	/* The one-shot timer is another timer: setting and cancelling it
	 * leaves the tick running. */
	check_eq(HYPERVISOR_set_timer_op(now_ns() + 100 * MS), 0);
	check_eq(HYPERVISOR_set_timer_op(0), 0);
	n = ticks_during(10 * MS, 0);
	check(n >= 4 && n <= 6);
	printf("a one-shot set and cancelled: %u ticks in the next 10 ms\n", n);
	check_eq(HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
	check_eq(ticks_during(10 * MS, 0), 0);
	printf("stopped: no tick in 10 ms\n");

	/* Beside the hog: we get about half the CPU, in slices of several
	 * ms; the tick comes while we run and at most once for a gap. */
	check_eq(periodic(1 * MS), 0);
	n = ticks_during(100 * MS, 0);
	check_eq(HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
	check(n > 10 && n < 90);
	printf("1 ms tick beside a hog: %u ticks in 100 ms\n", n);
	xtf_success("periodic ticks as asked");
}

void test_main(void)
{
	char role[8] = "";

	test_arg("role", role, sizeof(role));
	if (!strcmp(role, "hog")) {
		check_eq(timer_init(NULL), 0);
		events_unmask();
		sleep_until(50 * MS); /* the ticker's first 40 ms alone */
		spin_until(200 * MS);
		xtf_success("hogged");
	} else {
		ticker();
	}
}
