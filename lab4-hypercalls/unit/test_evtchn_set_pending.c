/*
 * evtchn_set_pending (exercise 1): raising one port of a domain, in the
 * 2-level ABI's bits of its shared-info page. Domains 0, 1 and 2 run,
 * their vCPUs blocked (vcpu_wake is unit/host_lab4.c's: it unblocks and
 * counts, as vmm/block.c's does). No port needs to be bound: the bits
 * are all that evtchn_set_pending looks at.
 * Checked, with every other bit of every shared-info page unchanged:
 *  - a new event sets its pending bit, the selector bit of its word
 *    (port / 32), evtchn_upcall_pending, and wakes the domain's vCPU
 *    (that domain's, no other), in every word up to the last port;
 *  - a selector bit already set (the guest has not scanned that word
 *    yet) or other pending ports change nothing of that;
 *  - an event already pending: nothing at all, no wake;
 *  - a masked port: the pending bit only; no selector bit, no upcall,
 *    no wake; unmasked ports beside it are raised as usual;
 *  - the vCPU's evtchn_upcall_mask does not hold an event back here
 *    (it only holds back the upcall, exercise 5).
 */
#include <criterion/criterion.h>
#include "unit_lab4.h"

static void setup(void)
{
	unit_lab4_init(3);
	for (int i = 0; i < 3; i++)
		domains[i].vcpu.ext.blocked = 1;
}

TestSuite(evtchn_set_pending, .init = setup);

/* What raising port p of d (unmasked, not yet pending) must leave, in
 * the saved copy. */
static void expect_raised(int d, uint32_t p)
{
	struct shared_info *w = unit_saved_shared(d);

	w->evtchn_pending[p / 32] |= 1u << (p % 32);
	w->vcpu_info[0].evtchn_pending_sel |= 1u << (p / 32);
	w->vcpu_info[0].evtchn_upcall_pending = 1;
}

Test(evtchn_set_pending, raises_and_wakes)
{
	unit_events_save();
	evtchn_set_pending(&domains[1], 5);
	expect_raised(1, 5);
	assert_events("port 5 of d1 raised");
	assert_wakes(0, 1, 0);
	cr_assert(!domains[1].vcpu.ext.blocked, "d1 still blocked");
	cr_assert(domains[0].vcpu.ext.blocked && domains[2].vcpu.ext.blocked);
	cr_assert_eq(unit_wake_calls[0] + unit_wake_calls[2], 0,
		     "vcpu_wake called for another domain");
}

Test(evtchn_set_pending, every_word)
{
	static const uint32_t ports[] = { 40, 64, 127, 1, 95 };

	for (unsigned i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		const char *m;

		/* As the guest leaves it when it blocks: upcall seen. */
		unit_shared(2)->vcpu_info[0].evtchn_upcall_pending = 0;
		domains[2].vcpu.ext.blocked = 1;
		unit_events_save();
		evtchn_set_pending(&domains[2], ports[i]);
		expect_raised(2, ports[i]);
		m = unit_events_diff();
		cr_assert(!m, "port %u: %s", ports[i], m ? m : "");
		cr_assert_eq(unit_wakes[2], (int)i + 1, "port %u: d2 not woken",
			     ports[i]);
	}
	cr_assert_eq(unit_shared(2)->vcpu_info[0].evtchn_pending_sel, 0xF);
	cr_assert_eq(unit_shared(2)->evtchn_pending[3], 0x80000000u);
	assert_wakes(0, 0, 5);
}

/* The guest cleared upcall_pending and is scanning the selector: a new
 * event in a word whose bit is still set raises the upcall again. */
Test(evtchn_set_pending, selector_already_set)
{
	struct vcpu_info *vi = &unit_shared(0)->vcpu_info[0];

	vi->evtchn_pending_sel = 0x5;
	unit_set_pending_bit(0, 3);
	unit_set_pending_bit(0, 70);
	unit_events_save();
	evtchn_set_pending(&domains[0], 4);
	expect_raised(0, 4);
	assert_events("port 4 of d0 raised, word 0 already selected");
	cr_assert_eq(vi->evtchn_pending_sel, 0x5);
	cr_assert_eq(unit_shared(0)->evtchn_pending[0], 0x18u);
	assert_wakes(1, 0, 0);
}

Test(evtchn_set_pending, already_pending)
{
	unit_set_pending_bit(1, 9);
	unit_set_pending_bit(1, 100);
	unit_events_save();
	evtchn_set_pending(&domains[1], 9);
	evtchn_set_pending(&domains[1], 100);
	assert_events("ports already pending");
	cr_assert_eq(unit_shared(1)->vcpu_info[0].evtchn_upcall_pending, 0,
		     "an event already pending raised the upcall again");
	assert_wakes(0, 0, 0);
	cr_assert_eq(unit_wake_calls[1], 0,
		     "vcpu_wake called for an event already pending");
	cr_assert(domains[1].vcpu.ext.blocked);
}

Test(evtchn_set_pending, masked)
{
	unit_set_mask_bit(1, 7);
	unit_set_mask_bit(1, 70);
	unit_events_save();
	evtchn_set_pending(&domains[1], 7);
	evtchn_set_pending(&domains[1], 70);
	unit_saved_shared(1)->evtchn_pending[0] = 1u << 7;
	unit_saved_shared(1)->evtchn_pending[2] = 1u << 6;
	assert_events("masked ports 7 and 70 of d1");
	assert_wakes(0, 0, 0);
	cr_assert_eq(unit_wake_calls[1], 0,
		     "vcpu_wake called for a masked event");
	cr_assert(domains[1].vcpu.ext.blocked);

	/* Its neighbour, unmasked, is raised. */
	unit_events_save();
	evtchn_set_pending(&domains[1], 71);
	expect_raised(1, 71);
	assert_events("port 71 of d1 (beside masked 70)");
	assert_wakes(0, 1, 0);
}

/* A masked event that is pending already: nothing either. */
Test(evtchn_set_pending, masked_and_pending)
{
	unit_set_mask_bit(0, 33);
	unit_set_pending_bit(0, 33);
	unit_events_save();
	evtchn_set_pending(&domains[0], 33);
	assert_events("masked port 33, pending already");
	assert_wakes(0, 0, 0);
}

Test(evtchn_set_pending, upcall_mask_does_not_hold_it)
{
	unit_shared(2)->vcpu_info[0].evtchn_upcall_mask = 1;
	unit_events_save();
	evtchn_set_pending(&domains[2], 12);
	expect_raised(2, 12);
	assert_events("port 12 of d2, upcalls masked");
	assert_wakes(0, 0, 1);
}

/* A vCPU that is not blocked is not woken; the event is raised all
 * the same. */
Test(evtchn_set_pending, running_vcpu)
{
	domains[0].vcpu.ext.blocked = 0;
	unit_events_save();
	evtchn_set_pending(&domains[0], 2);
	expect_raised(0, 2);
	assert_events("port 2 of d0, running");
	assert_wakes(0, 0, 0);
	cr_assert(!domains[0].vcpu.ext.blocked);
}
