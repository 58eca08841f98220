/*
 * evtchn_send_port (exercise 2): EVTCHNOP_send on a port. It raises the
 * peer's port with evtchn_set_pending (exercise 1, in the same file
 * vmm/event.c: this test needs both). Domains 0, 1 and 2 run, their
 * vCPUs blocked; the ports are written by hand (unit_lab4.h).
 * Checked, with every port, binding and shared-info bit of every domain
 * unchanged but those named:
 *  - an INTERDOMAIN port raises the peer's port in the peer's page (its
 *    pending, selector and upcall bits) and wakes the peer, never the
 *    sender's own port; both directions; a channel of a domain with
 *    itself (loopback) raises the other end;
 *  - the peer's port masked or pending already: as evtchn_set_pending;
 *  - an UNBOUND port: 0, nothing raised;
 *  - a VIRQ port, a free port, port 0, a port out of range: -EINVAL,
 *    nothing raised.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include "unit_lab4.h"

static void setup(void)
{
	unit_lab4_init(3);
	for (int i = 0; i < 3; i++)
		domains[i].vcpu.ext.blocked = 1;
	unit_connect(0, 3, 1, 5);    /* d0:3 <-> d1:5 */
	unit_connect(2, 100, 0, 40); /* d2:100 <-> d0:40 */
	unit_connect(1, 6, 1, 7);    /* d1:6 <-> d1:7, loopback */
	unit_offer(0, 8, 2);	     /* d0:8 offered to d2 */
	unit_virq(1, 9, 2);	     /* d1:9 VIRQ 2 */
}

TestSuite(evtchn_send, .init = setup);

static void expect_raised(int d, uint32_t p)
{
	struct shared_info *w = unit_saved_shared(d);

	w->evtchn_pending[p / 32] |= 1u << (p % 32);
	w->vcpu_info[0].evtchn_pending_sel |= 1u << (p / 32);
	w->vcpu_info[0].evtchn_upcall_pending = 1;
}

Test(evtchn_send, raises_the_peer)
{
	unit_events_save();
	cr_assert_eq(evtchn_send_port(&domains[0], 3), 0);
	expect_raised(1, 5);
	assert_events("send on d0:3 (peer d1:5)");
	assert_wakes(0, 1, 0);
}

Test(evtchn_send, both_directions)
{
	unit_events_save();
	cr_assert_eq(evtchn_send_port(&domains[1], 5), 0);
	expect_raised(0, 3);
	assert_events("send on d1:5 (peer d0:3)");
	assert_wakes(1, 0, 0);

	unit_events_save();
	cr_assert_eq(evtchn_send_port(&domains[0], 40), 0);
	expect_raised(2, 100);
	assert_events("send on d0:40 (peer d2:100)");
	assert_wakes(1, 0, 1);

	unit_events_save();
	cr_assert_eq(evtchn_send_port(&domains[2], 100), 0);
	expect_raised(0, 40);
	assert_events("send on d2:100 (peer d0:40)");
}

Test(evtchn_send, loopback)
{
	unit_events_save();
	cr_assert_eq(evtchn_send_port(&domains[1], 7), 0);
	expect_raised(1, 6);
	assert_events("send on d1:7 (peer d1:6)");
	assert_wakes(0, 1, 0);
}

/* The peer's port is masked, then pending already: evtchn_set_pending's
 * rules, not a bit set by hand. */
Test(evtchn_send, through_set_pending)
{
	unit_set_mask_bit(1, 5);
	unit_events_save();
	cr_assert_eq(evtchn_send_port(&domains[0], 3), 0);
	unit_saved_shared(1)->evtchn_pending[0] = 1u << 5;
	assert_events("send on d0:3, d1:5 masked");
	assert_wakes(0, 0, 0);

	unit_events_save();
	cr_assert_eq(evtchn_send_port(&domains[0], 3), 0);
	assert_events("send on d0:3 again, pending already");
	assert_wakes(0, 0, 0);
}

Test(evtchn_send, unbound)
{
	unit_events_save();
	cr_assert_eq(evtchn_send_port(&domains[0], 8), 0);
	assert_events("send on unbound d0:8");
	assert_wakes(0, 0, 0);
}

Test(evtchn_send, refused)
{
	static const struct {
		int d;
		uint32_t port;
		const char *what;
	} bad[] = {
		{ 1, 9, "a VIRQ port" },
		{ 0, 0, "port 0" },
		{ 0, 4, "a free port" },
		{ 2, 101, "a free port" },
		{ 0, EVTCHN_PORTS, "out of range" },
		{ 0, 1024, "out of range" },
		{ 0, 65536 + 3, "d0:3 in 16 bits" },
		{ 1, 0xFFFFFFFFu, "out of range" },
	};

	unit_events_save();
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *m;

		cr_assert_eq(evtchn_send_port(&domains[bad[i].d], bad[i].port),
			     -EINVAL, "send on d%d port %u (%s)", bad[i].d,
			     bad[i].port, bad[i].what);
		m = unit_events_diff();
		cr_assert(!m, "send on d%d port %u (%s): %s", bad[i].d,
			  bad[i].port, bad[i].what, m ? m : "");
	}
	assert_wakes(0, 0, 0);
}
