/* Software timers on the PIT (vmm/timer.h). */
#include <lib/exercise.h>
#include <vmm/pit.h>
#include <vmm/time.h>
#include <vmm/timer.h>

static struct timer *timer_list; /* sorted by expires */

/* The shortest shot: a deadline closer than this (or past) is taken as
 * due at the interrupt that follows. */
#define TIMER_MIN_NS 1000u

void timer_stop(struct timer *t)
{
	struct timer **pp;

	if (!t->active)
		return;
	for (pp = &timer_list; *pp; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	t->active = 0;
	t->next = 0;
}

/* Puts t on the list after every timer due no later than it. */
static void timer_insert(struct timer *t)
{
	struct timer **pp = &timer_list;

	while (*pp && (*pp)->expires <= t->expires)
		pp = &(*pp)->next;
	t->next = *pp;
	*pp = t;
	t->active = 1;
}

void timer_set_now(struct timer *t, uint64_t expires, uint64_t now)
{
	int was_head = timer_list == t;

	timer_stop(t);
	t->expires = expires;
	timer_insert(t);
	if (timer_list == t || was_head)
		timers_program(now);
}

void timer_set(struct timer *t, uint64_t expires)
{
	timer_set_now(t, expires, now_ns());
}

uint64_t timers_next(void)
{
	return timer_list ? timer_list->expires : ~0ull;
}

void timers_program(uint64_t now)
{
	uint64_t wait;

	if (!timer_list)
		return;
	wait = timer_list->expires > now ? timer_list->expires - now : 0;
	if (wait < TIMER_MIN_NS)
		wait = TIMER_MIN_NS;
	pit_oneshot(wait > PIT_MAX_NS ? PIT_MAX_NS : (uint32_t)wait);
}

int timers_run(uint64_t now)
{
	int ran = 0;

	/* BEGIN LAB 5 EXERCISE 2 (timers_run) */
	while (timer_list && timer_list->expires <= now) {
		struct timer *t = timer_list;

		timer_list = t->next;
		t->next = 0;
		t->active = 0;
		t->fn(t);
		ran++;
	}
	timers_program(now); /* for the new head, if any */
	/* END LAB 5 EXERCISE 2 */
	return ran;
}

void timer_interrupt(void)
{
	timers_run(now_ns());
}
