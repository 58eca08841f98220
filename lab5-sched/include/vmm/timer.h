/*
 * Software timers (lab 5): any number of deadlines in system time, kept
 * in one list sorted by deadline, on the one hardware timer (the PIT in
 * one-shot mode, vmm/pit.h) armed for the earliest. A guest's
 * set_timer_op, its periodic tick and the scheduler's end of slice are
 * each a struct timer.
 *
 * Invariants: a timer is on the list iff t->active; the list is sorted
 * by expires (ties in the order they were set); the PIT is armed for the
 * head's deadline whenever the list is not empty (timers_program). The
 * VMM runs with interrupts off, so nothing here races with the
 * interrupt: timers run from timer_interrupt, in the VMM.
 */
#ifndef VMM_TIMER_H
#define VMM_TIMER_H

#include <stdint.h>

struct timer {
	uint64_t expires;	    /* system time, ns */
	void (*fn)(struct timer *); /* runs when expires has passed */
	struct timer *next;
	uint8_t active;
};

/* Sets t (fn already filled in) to run at `expires`, replacing an earlier
 * setting. A deadline already past runs at the next timer interrupt,
 * which timers_program makes come at once. */
void timer_set(struct timer *t, uint64_t expires);

/* The same, for a caller that has just read the clock (now): one
 * reading less on the scheduler's hot path. */
void timer_set_now(struct timer *t, uint64_t expires, uint64_t now);

/* Takes t off the list; nothing if it is not on it. */
void timer_stop(struct timer *t);

/*
 * LAB 5 EXERCISE 2. Runs every timer whose deadline is at or before
 * `now`, earliest first: each is taken off the list (inactive) before its
 * fn runs, so fn may set it again - even for a time already past, which
 * then runs in this same call. Then arms the hardware for the new head
 * (timers_program). Returns how many ran.
 */
int timers_run(uint64_t now);

/* Arms the PIT for the head's deadline (at once if it is past, in
 * several shots if it is far); nothing if the list is empty. */
void timers_program(uint64_t now);

/* The earliest deadline, or ~0 if no timer is set. */
uint64_t timers_next(void);

/* IRQ 0 (vmm/irq.c): runs the due timers. */
void timer_interrupt(void);

#endif
