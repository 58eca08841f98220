/*
 * Host stand-ins for what lab 4's VMM code under test calls outside the
 * unit-tested files: the domain table, waking a vCPU (recorded, for the
 * tests to see), the hypercall table (a scripted handler), and the
 * preemption check (which the tests steer). The shared set-up of lab 4's
 * tests is in unit_lab4.h.
 */
#include <stdlib.h>
#include <string.h>
#include <public/errno.h>
#include <public/shared_info.h>
#include <vmm/domain.h>
#include <vmm/event.h>
#include <vmm/hypercall.h>
#include <vmm/preempt.h>
#include "unit_lab4.h"

struct domain domains[MAX_DOMAINS];
static struct shared_info unit_shared[MAX_DOMAINS];

int unit_wakes[MAX_DOMAINS];

void vcpu_wake(struct vcpu *v)
{
	unit_wakes[v->domain->id]++;
}

void unit_lab4_init(int ndomains)
{
	memset(domains, 0, sizeof(domains));
	memset(unit_shared, 0, sizeof(unit_shared));
	memset(unit_wakes, 0, sizeof(unit_wakes));
	for (int i = 0; i < ndomains; i++) {
		domains[i].id = (domid_t)i;
		domains[i].state = DOM_RUNNING;
		domains[i].vcpu.domain = &domains[i];
		domains[i].ext.shared = &unit_shared[i];
	}
	unit_preempt_after = -1;
	unit_calls = 0;
}

/* ---- the hypercall table and preemption, scripted by the tests ---- */

int unit_preempt_after = -1; /* preempt once this many checks said no */
int unit_calls;
struct unit_call unit_call_log[UNIT_CALLS_MAX];
long (*unit_handler)(uint32_t nr, const unsigned long a[5]);

int hypercall_preempt_check(void)
{
	if (unit_preempt_after < 0)
		return 0;
	if (unit_preempt_after == 0)
		return 1;
	unit_preempt_after--;
	return 0;
}

long hypercall_call(uint32_t nr, const unsigned long a[5])
{
	if (unit_calls < UNIT_CALLS_MAX) {
		unit_call_log[unit_calls].nr = nr;
		memcpy(unit_call_log[unit_calls].a, a, sizeof(unsigned long) * 5);
	}
	unit_calls++;
	return unit_handler ? unit_handler(nr, a) : (long)nr;
}
