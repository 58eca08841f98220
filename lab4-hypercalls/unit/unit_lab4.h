/*
 * Shared set-up of lab 4's unit tests (unit/host_lab4.c): domains 0..n-1
 * in domains[], each with its own shared-info page; event-channel state
 * written by hand (so that a test of one exercise needs no other's code)
 * and checked against a saved copy and against the invariants of
 * include/vmm/event.h; a scripted hypercall table and preemption check.
 */
#ifndef UNIT_LAB4_H
#define UNIT_LAB4_H

#include <stdint.h>
#include <public/shared_info.h>
#include <vmm/domain.h>
#include <vmm/event.h>

/* Domains 0..n-1 running, each with its own zeroed shared-info page, no
 * ports, not blocked; the other slots free; no wakes counted; no
 * preemption; no calls logged, no handler; no continuation recorded. */
void unit_lab4_init(int ndomains);

/* vcpu_wake, as vmm/block.c's: a blocked vCPU is made runnable (blocked
 * cleared) and counted in unit_wakes; every call, blocked or not, is
 * counted in unit_wake_calls. Per domain. */
extern int unit_wakes[MAX_DOMAINS];
extern int unit_wake_calls[MAX_DOMAINS];

/* hypercall_preempt_check: -1 never; n >= 0: "no" n times, then "yes". */
extern int unit_preempt_after;

/* hypercall_call: every call is logged; unit_handler (if set) gives its
 * result, else the call returns its number. */
#define UNIT_CALLS_MAX 64
struct unit_call {
	uint32_t nr;
	unsigned long a[5];
};
extern int unit_calls;
extern struct unit_call unit_call_log[UNIT_CALLS_MAX];
extern long (*unit_handler)(uint32_t nr, const unsigned long a[5]);

/* ---- event-channel state written by hand ---- */

/* Domain id's shared-info page. */
static inline struct shared_info *unit_shared(int id)
{
	return domains[id].ext.shared;
}

/* Port p of domain d: UNBOUND, offered to domain `to`. */
void unit_offer(int d, uint32_t p, int to);
/* Port p of d and port rp of r: INTERDOMAIN, each naming the other. */
void unit_connect(int d, uint32_t p, int r, uint32_t rp);
/* Port p of d: bound to VIRQ virq (virq_port[virq] = p). */
void unit_virq(int d, uint32_t p, unsigned virq);
/* Sets port p's bit in domain d's evtchn_pending (or evtchn_mask). */
void unit_set_pending_bit(int d, uint32_t p);
void unit_set_mask_bit(int d, uint32_t p);

/* ---- and checked ---- */

/* Saves every domain's ports, VIRQ bindings and shared-info page. A test
 * then writes into the saved copy what it expects to have changed
 * (unit_saved_port, unit_saved_virq_port, unit_saved_shared), and
 * unit_events_diff describes the first difference from it (NULL: none).
 * Ports are compared on what their state means: the state; remote_dom
 * when UNBOUND or INTERDOMAIN, remote_port when INTERDOMAIN, virq when
 * VIRQ. */
void unit_events_save(void);
struct evtchn *unit_saved_port(int d, uint32_t p);
uint16_t *unit_saved_virq_port(int d, unsigned virq);
struct shared_info *unit_saved_shared(int d);
const char *unit_events_diff(void);

/* The first invariant of include/vmm/event.h that some running domain's
 * ports break, described; NULL if they all hold. */
const char *unit_events_broken(void);

/* The events are as the saved copy (with its expectations) says. */
#define assert_events(what)                                     \
	do {                                                    \
		const char *m_ = unit_events_diff();            \
		cr_assert(!m_, "%s: %s", (what), m_ ? m_ : ""); \
	} while (0)

/* The invariants of include/vmm/event.h hold. */
#define assert_invariants(what)                                 \
	do {                                                    \
		const char *m_ = unit_events_broken();          \
		cr_assert(!m_, "%s: %s", (what), m_ ? m_ : ""); \
	} while (0)

/* Wakes (of a blocked vCPU) per domain 0, 1, 2. */
#define assert_wakes(w0, w1, w2)                                           \
	cr_assert(unit_wakes[0] == (w0) && unit_wakes[1] == (w1) &&        \
			  unit_wakes[2] == (w2),                           \
		  "wakes of d0 d1 d2: %d %d %d; wanted %d %d %d",          \
		  unit_wakes[0], unit_wakes[1], unit_wakes[2], (w0), (w1), \
		  (w2))

#endif
