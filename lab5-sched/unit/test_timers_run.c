/*
 * timers_run (exercise 2): the software timers on the one hardware
 * timer. Timers are set with timer_set (provided), the clock and the PIT
 * are stand-ins (unit/host_timer.c). Checked:
 *  - every timer due at `now` runs, earliest first, ties in the order
 *    they were set; none due later runs; the count is returned;
 *  - each is off the list (inactive) when its function runs, so the
 *    function may set it again: for a time already past, it runs again
 *    in the same call; for a later time, it waits;
 *  - afterwards the PIT is armed for the new earliest deadline, and not
 *    at all when no timer is left;
 *  - a stopped timer never runs.
 */
#include <criterion/criterion.h>
#include <string.h>
#include <vmm/timer.h>
#include "unit_timer.h"

#define US 1000ull

static char order[16];
static int nrun;
static struct timer t[6];

static void note(struct timer *x)
{
	cr_assert(!x->active, "a timer runs while still on the list");
	order[nrun++] = (char)('A' + (x - t));
}

/* Sets itself again 5 us later, twice. */
static int again;
static void rearm(struct timer *x)
{
	note(x);
	if (again-- > 0)
		timer_set(x, unit_now - 1 + 5 * US * (again == 0));
}

static void setup(void)
{
	memset(t, 0, sizeof(t));
	memset(order, 0, sizeof(order));
	nrun = 0;
	again = 0;
	unit_now = 0;
	unit_pit_calls = 0;
	for (int i = 0; i < 6; i++)
		t[i].fn = note;
}

static void teardown(void)
{
	for (int i = 0; i < 6; i++)
		timer_stop(&t[i]);
}

TestSuite(timers_run, .init = setup, .fini = teardown);

Test(timers_run, runs_due_in_order)
{
	timer_set(&t[3], 30 * US);
	timer_set(&t[1], 20 * US);
	timer_set(&t[0], 10 * US);
	timer_set(&t[2], 20 * US); /* after t[1]: same deadline, set later */
	unit_now = 20 * US;
	cr_assert_eq(timers_run(unit_now), 3);
	cr_assert_str_eq(order, "ABC");
	cr_assert(t[3].active);
	cr_assert(!t[0].active && !t[1].active && !t[2].active);
}

Test(timers_run, arms_the_pit_for_the_next)
{
	timer_set(&t[0], 10 * US);
	timer_set(&t[1], 50 * US);
	unit_now = 12 * US;
	unit_pit_calls = 0;
	cr_assert_eq(timers_run(unit_now), 1);
	cr_assert_geq(unit_pit_calls, 1, "the PIT was not armed again");
	cr_assert_eq(unit_pit_ns, 38 * US, "armed for %u ns", unit_pit_ns);
}

Test(timers_run, nothing_due)
{
	timer_set(&t[0], 10 * US);
	unit_now = 9 * US;
	cr_assert_eq(timers_run(unit_now), 0);
	cr_assert_eq(nrun, 0);
	cr_assert(t[0].active);
	cr_assert_eq(unit_pit_ns, 1 * US);
}

Test(timers_run, empty_list_leaves_the_pit)
{
	timer_set(&t[0], 10 * US);
	unit_now = 10 * US;
	unit_pit_calls = 0;
	cr_assert_eq(timers_run(unit_now), 1);
	cr_assert_eq(unit_pit_calls, 0, "the PIT armed with no timer set");
	cr_assert_eq(timers_next(), ~0ull);
}

Test(timers_run, fn_may_set_its_timer_again)
{
	t[0].fn = rearm;
	again = 2;
	unit_now = 100 * US;
	timer_set(&t[0], 90 * US);
	timer_set(&t[1], 95 * US);
	/* t[0] runs, sets itself in the past (runs again now), then for
	 * 5 us later (waits); t[1] runs in between. */
	cr_assert_eq(timers_run(unit_now), 3);
	cr_assert_str_eq(order, "ABA");
	cr_assert(t[0].active);
	cr_assert_eq(t[0].expires, 105 * US - 1);
}

Test(timers_run, stopped_timer_never_runs)
{
	timer_set(&t[0], 10 * US);
	timer_set(&t[1], 11 * US);
	timer_stop(&t[0]);
	unit_now = 20 * US;
	cr_assert_eq(timers_run(unit_now), 1);
	cr_assert_str_eq(order, "B");
}

/* None early, to the nanosecond. */
Test(timers_run, not_one_ns_early)
{
	timer_set(&t[0], 10 * US);
	unit_now = 10 * US - 1;
	cr_assert_eq(timers_run(unit_now), 0, "a timer ran 1 ns early");
	cr_assert_eq(nrun, 0);
}

/* t[0]'s function stops t[1] and sets t[2] before it: t[1] must not
 * run, t[2] must, and the list stays whole (t[3] still armed). A walk
 * that kept a pointer to the next timer across the call would not see
 * the change. */
static void meddle(struct timer *x)
{
	note(x);
	timer_stop(&t[1]);
	timer_set(&t[2], 12 * US);
}

Test(timers_run, fn_changes_the_list)
{
	t[0].fn = meddle;
	timer_set(&t[0], 10 * US);
	timer_set(&t[1], 15 * US);
	timer_set(&t[3], 100 * US);
	unit_now = 20 * US;
	cr_assert_eq(timers_run(unit_now), 2);
	cr_assert_str_eq(order, "AC", "ran %s, want AC", order);
	cr_assert(t[3].active, "a timer after them was lost");
	cr_assert_eq(timers_next(), 100 * US);
}

/* `now` is the moment of the call: a function that sets its timer for
 * the clock's next reading ("as soon as possible") waits for the next
 * call, even though the clock moved on meanwhile (a loop that read the
 * clock again would never end). */
static void asap(struct timer *x)
{
	note(x);
	unit_now += 1000;
	if (nrun < 8)
		timer_set(x, unit_now);
}

Test(timers_run, now_is_fixed)
{
	t[0].fn = asap;
	timer_set(&t[0], 10 * US);
	unit_now = 10 * US;
	cr_assert_eq(timers_run(10 * US), 1,
		     "a timer set for later than `now` ran in the same call");
}
