/* Shared set-up of lab 4's unit tests (unit/host_lab4.c). */
#ifndef UNIT_LAB4_H
#define UNIT_LAB4_H

#include <stdint.h>

/* Domains 0..n-1 running, each with its own zeroed shared-info page, no
 * ports; no wakes counted; no preemption; no calls logged. */
void unit_lab4_init(int ndomains);

/* vcpu_wake calls, per domain. */
extern int unit_wakes[];

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

#endif
