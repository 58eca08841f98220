/*
 * evtchn_close_port (exercise 4): closing a port in each of its states.
 * Domains 0, 1 and 2 run, their vCPUs blocked; the ports, bindings and
 * pending bits are written by hand (unit_lab4.h): nothing here binds
 * (exercise 3, test_bind_interdomain.c) or raises (exercise 1).
 * Checked, with every other port, binding and shared-info bit of every
 * domain unchanged, the invariants of include/vmm/event.h after each
 * close, and no vCPU woken:
 *  - an UNBOUND port becomes FREE; its pending bit is cleared, the bits
 *    beside it, the selector and upcall_pending are left alone;
 *  - a VIRQ port becomes FREE and its VIRQ unbound (virq_port 0); the
 *    other VIRQs stay bound;
 *  - an INTERDOMAIN port becomes FREE, and the peer's end UNBOUND,
 *    offered to the closing domain, its pending bit as it was; from
 *    either end, in every word, and a loopback channel;
 *  - the port is free for the next allocation (evtchn_alloc_port);
 *  - -EINVAL for a port already free (closed twice), port 0, or out of
 *    range (also one that truncates to a bound port).
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include "unit_lab4.h"

static void setup(void)
{
	unit_lab4_init(3);
	for (int i = 0; i < 3; i++)
		domains[i].vcpu.ext.blocked = 1;
	unit_offer(0, 2, 1);	     /* d0:2 offered to d1 */
	unit_offer(0, 3, 2);	     /* d0:3 offered to d2 */
	unit_offer(0, 4, 1);	     /* d0:4 offered to d1 */
	unit_virq(0, 6, 2);	     /* d0:6 VIRQ 2 */
	unit_virq(0, 7, 3);	     /* d0:7 VIRQ 3 */
	unit_connect(0, 10, 1, 5);   /* d0:10 <-> d1:5 */
	unit_connect(2, 100, 1, 64); /* d2:100 <-> d1:64 */
	unit_connect(1, 6, 1, 7);    /* d1:6 <-> d1:7, loopback */
	/* pending: d0 2 3 4 6 10, d1 5 64 (d2:100 not); selectors, upcalls */
	unit_set_pending_bit(0, 2);
	unit_set_pending_bit(0, 3);
	unit_set_pending_bit(0, 4);
	unit_set_pending_bit(0, 6);
	unit_set_pending_bit(0, 10);
	unit_set_pending_bit(1, 5);
	unit_set_pending_bit(1, 64);
	for (int i = 0; i < 3; i++) {
		unit_shared(i)->vcpu_info[0].evtchn_pending_sel = 0xF;
		unit_shared(i)->vcpu_info[0].evtchn_upcall_pending = 1;
	}
	unit_set_mask_bit(0, 3);
	cr_assert_null(unit_events_broken(), "the set-up: %s",
		       unit_events_broken());
}

TestSuite(evtchn_close, .init = setup);

/* Closes port p of d, which must succeed and leave it FREE with its
 * pending bit clear, and what the saved copy's expectations (written by
 * the caller after unit_events_save) say. */
static void close_ok(int d, uint32_t p)
{
	const char *m;
	long rc;

	rc = evtchn_close_port(&domains[d], p);
	cr_assert_eq(rc, 0, "closing d%d:%u returned %ld", d, p, rc);
	*unit_saved_port(d, p) = (struct evtchn){ ECS_FREE, 0, 0, 0 };
	unit_saved_shared(d)->evtchn_pending[p / 32] &= ~(1u << (p % 32));
	m = unit_events_diff();
	cr_assert(!m, "closing d%d:%u: %s", d, p, m ? m : "");
	m = unit_events_broken();
	cr_assert(!m, "closing d%d:%u: %s", d, p, m ? m : "");
	assert_wakes(0, 0, 0);
}

/* Closing port p of d fails with -EINVAL and changes nothing. */
static void close_refused(int d, uint32_t p, const char *what)
{
	const char *m;
	long rc;

	unit_events_save();
	rc = evtchn_close_port(&domains[d], p);
	cr_assert_eq(rc, -EINVAL, "closing d%d port %u (%s): %ld, wanted %d", d,
		     p, what, rc, -EINVAL);
	m = unit_events_diff();
	cr_assert(!m, "closing d%d port %u (%s): %s", d, p, what, m ? m : "");
}

Test(evtchn_close, unbound)
{
	unit_events_save();
	close_ok(0, 3); /* masked: the mask bit stays */
	cr_assert_eq(unit_shared(0)->evtchn_pending[0], 0x454u);
	cr_assert_eq(unit_shared(0)->evtchn_mask[0], 0x8u);
	unit_events_save();
	close_ok(0, 2);
	unit_events_save();
	close_ok(0, 4);
	cr_assert_eq(unit_shared(0)->evtchn_pending[0], 0x440u);
	cr_assert_eq(unit_shared(0)->vcpu_info[0].evtchn_pending_sel, 0xF);
	cr_assert_eq(unit_shared(0)->vcpu_info[0].evtchn_upcall_pending, 1);
}

/* A port offered but never pending. */
Test(evtchn_close, unbound_not_pending)
{
	unit_offer(2, 1, 0);
	unit_events_save();
	close_ok(2, 1);
}

Test(evtchn_close, virq)
{
	unit_events_save();
	*unit_saved_virq_port(0, 2) = 0;
	close_ok(0, 6);
	cr_assert_eq(domains[0].ext.virq_port[2], 0);
	cr_assert_eq(domains[0].ext.virq_port[3], 7);
	unit_events_save();
	*unit_saved_virq_port(0, 3) = 0;
	close_ok(0, 7);
	cr_assert_eq(domains[0].ext.virq_port[3], 0);
}

Test(evtchn_close, interdomain)
{
	unit_events_save();
	*unit_saved_port(1, 5) = (struct evtchn){ ECS_UNBOUND, 0, 0, 0 };
	close_ok(0, 10);
	cr_assert_eq(domains[1].ext.evtchn[5].state, ECS_UNBOUND,
		     "the peer's end is not UNBOUND");
	cr_assert_eq(domains[1].ext.evtchn[5].remote_dom, 0,
		     "the peer's end is not offered to the closer");
	/* and the peer's end is now an unbound port like any other */
	unit_events_save();
	close_ok(1, 5);
}

/* From the other end, in words 2 and 3; the peer's end, not pending,
 * is not raised (a dying domain's teardown does that, not close). */
Test(evtchn_close, interdomain_other_end)
{
	unit_events_save();
	*unit_saved_port(2, 100) = (struct evtchn){ ECS_UNBOUND, 0, 1, 0 };
	close_ok(1, 64);
	unit_events_save();
	close_ok(2, 100);
}

Test(evtchn_close, loopback)
{
	unit_events_save();
	*unit_saved_port(1, 6) = (struct evtchn){ ECS_UNBOUND, 0, 1, 0 };
	close_ok(1, 7);
	unit_events_save();
	close_ok(1, 6);
}

/* Every port of d0 closed, in the order of the set-up: all free. */
Test(evtchn_close, all)
{
	static const uint32_t ports[] = { 2, 3, 4, 6, 7, 10 };

	for (unsigned i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		unit_events_save();
		if (ports[i] == 6 || ports[i] == 7)
			*unit_saved_virq_port(0, ports[i] - 4) = 0;
		if (ports[i] == 10)
			*unit_saved_port(1, 5) =
				(struct evtchn){ ECS_UNBOUND, 0, 0, 0 };
		close_ok(0, ports[i]);
	}
	for (uint32_t p = 0; p < EVTCHN_PORTS; p++)
		cr_assert_eq(domains[0].ext.evtchn[p].state, ECS_FREE,
			     "d0:%u not free", p);
	cr_assert_eq(unit_shared(0)->evtchn_pending[0], 0);
}

Test(evtchn_close, reused)
{
	unit_events_save();
	close_ok(0, 2);
	cr_assert_eq(evtchn_alloc_port(&domains[0]), 1);
	domains[0].ext.evtchn[1].state = ECS_UNBOUND;
	cr_assert_eq(evtchn_alloc_port(&domains[0]), 2,
		     "closed port 2 is not free");
}

Test(evtchn_close, refused)
{
	close_refused(0, 0, "port 0");
	close_refused(0, 1, "a free port");
	close_refused(2, 5, "a free port");
	close_refused(0, EVTCHN_PORTS, "out of range");
	close_refused(0, 0xFFFFFFFFu, "out of range");
	close_refused(0, 65536 + 10, "d0:10 in 16 bits");
	close_refused(0, 256 + 10, "d0:10 in 8 bits");
	unit_events_save();
	close_ok(0, 2);
	close_refused(0, 2, "a port closed already");
	assert_wakes(0, 0, 0);
}
