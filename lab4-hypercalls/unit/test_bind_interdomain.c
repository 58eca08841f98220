/*
 * evtchn_bind_interdomain (exercise 3): the second step of making a
 * channel, from UNBOUND (offered, by alloc_unbound) to INTERDOMAIN at
 * both ends. Domains 0, 1 and 2 run; domain 3 is dead, 4 and up free.
 * The ports are written by hand (unit_lab4.h); nothing here closes one
 * (exercise 4, test_evtchn_close.c).
 * Checked, with every other port, binding and shared-info bit of every
 * domain unchanged, the invariants of include/vmm/event.h after each
 * call, and no vCPU woken:
 *  - binding a port offered to d gives a new port of d (not 0, free
 *    before), and both ends INTERDOMAIN, each naming the other; with a
 *    remote in another domain, by its id, or d itself by DOMID_SELF or
 *    by its own id (loopback); ports in every word;
 *  - -ESRCH for a domain that does not exist: dead, free slot, past
 *    MAX_DOMAINS, ids near DOMID_SELF; even with a port offered to d;
 *  - -EINVAL for a remote port out of range (or that truncates to an
 *    offered one), free, port 0, INTERDOMAIN already (also after a
 *    bind: no port binds twice), VIRQ, or UNBOUND but offered to
 *    another domain;
 *  - -ENOSPC when d has no free port left; the offer stays.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include "unit_lab4.h"

static void setup(void)
{
	unit_lab4_init(4);
	domains[3].state = DOM_DEAD;
	unit_offer(1, 1, 0);	  /* d1:1 offered to d0 */
	unit_offer(1, 2, 2);	  /* d1:2 offered to d2 */
	unit_offer(1, 90, 0);	  /* d1:90 offered to d0 */
	unit_offer(0, 2, 0);	  /* d0:2 offered to d0 itself */
	unit_virq(0, 1, 2);	  /* d0:1 VIRQ 2 */
	unit_connect(2, 1, 1, 3); /* d2:1 <-> d1:3 */
	unit_virq(1, 4, 0);	  /* d1:4 VIRQ 0 */
	unit_offer(1, 5, 1);	  /* d1:5 offered to d1 itself */
	unit_offer(3, 1, 0);	  /* d3 (dead):1 offered to d0 */
}

TestSuite(bind_interdomain, .init = setup);

/* Binds port rport of rdom for d, which must succeed and connect a new
 * port of d to rport of domain r (rdom's id). Returns the new port. */
static uint32_t bind_ok(int d, uint32_t rdom, int r, uint32_t rport)
{
	struct evtchn before[EVTCHN_PORTS];
	long port;
	const char *m;

	memcpy(before, domains[d].ext.evtchn, sizeof(before));
	unit_events_save();
	port = evtchn_bind_interdomain(&domains[d], rdom, rport);
	cr_assert(port > 0 && port < EVTCHN_PORTS,
		  "d%d binding d%d:%u returned %ld, wanted a new port", d, r,
		  rport, port);
	cr_assert_eq(before[port].state, ECS_FREE,
		     "d%d binding d%d:%u returned port %ld, which was in use",
		     d, r, rport, port);
	*unit_saved_port(d, (uint32_t)port) =
		(struct evtchn){ ECS_INTERDOMAIN, 0, (uint16_t)r,
				 (uint16_t)rport };
	*unit_saved_port(r, rport) = (struct evtchn){ ECS_INTERDOMAIN, 0,
						      (uint16_t)d,
						      (uint16_t)port };
	m = unit_events_diff();
	cr_assert(!m, "d%d binding d%d:%u: %s", d, r, rport, m ? m : "");
	m = unit_events_broken();
	cr_assert(!m, "d%d binding d%d:%u: %s", d, r, rport, m ? m : "");
	return (uint32_t)port;
}

/* Binding rport of rdom for d fails with rc, and changes nothing. */
static void bind_refused(int d, uint32_t rdom, uint32_t rport, long rc,
			 const char *what)
{
	const char *m;
	long got;

	unit_events_save();
	got = evtchn_bind_interdomain(&domains[d], rdom, rport);
	cr_assert_eq(got, rc,
		     "d%d binding port %u of dom %#x (%s): %ld, wanted %ld", d,
		     rport, rdom, what, got, rc);
	m = unit_events_diff();
	cr_assert(!m, "d%d binding port %u of dom %#x (%s): %s", d, rport, rdom,
		  what, m ? m : "");
}

Test(bind_interdomain, connects_both_ends)
{
	uint32_t p = bind_ok(0, 1, 1, 1);

	/* the second offer to d0, into another port */
	cr_assert_neq(bind_ok(0, 1, 1, 90), p);
	/* d2 binds the port offered to it */
	bind_ok(2, 1, 1, 2);
	assert_wakes(0, 0, 0);
}

Test(bind_interdomain, loopback)
{
	uint32_t p = bind_ok(0, DOMID_SELF, 0, 2);

	cr_assert_neq(p, 2);
	/* by its own id, and not domain 0's */
	bind_ok(1, 1, 1, 5);
}

/* The ports d0 holds are not taken again: the new one is free. */
Test(bind_interdomain, new_port_is_free)
{
	for (uint32_t p = 3; p < 60; p++)
		unit_offer(0, p, 2);
	bind_ok(0, 1, 1, 1);
}

Test(bind_interdomain, no_such_domain)
{
	bind_refused(0, 3, 1, -ESRCH, "dead, its port offered to d0");
	bind_refused(0, 4, 1, -ESRCH, "a free domain slot");
	bind_refused(0, MAX_DOMAINS - 1, 1, -ESRCH, "a free slot, the last");
	bind_refused(0, MAX_DOMAINS, 1, -ESRCH, "MAX_DOMAINS");
	bind_refused(0, 0x10001, 1, -ESRCH, "domain 1 in 16 bits");
	bind_refused(0, DOMID_SELF + 1, 1, -ESRCH, "DOMID_SELF + 1");
	bind_refused(0, DOMID_SELF - 1, 1, -ESRCH, "DOMID_SELF - 1");
	bind_refused(0, 0xFFFFFFFFu, 1, -ESRCH, "out of range");
}

Test(bind_interdomain, refused_ports)
{
	bind_refused(0, 1, EVTCHN_PORTS, -EINVAL, "out of range");
	bind_refused(0, 1, 0xFFFFFFFFu, -EINVAL, "out of range");
	bind_refused(0, 1, 65536 + 1, -EINVAL, "an offered port in 16 bits");
	bind_refused(0, 1, 0, -EINVAL, "port 0");
	bind_refused(0, 1, 10, -EINVAL, "a free port");
	bind_refused(0, 1, 3, -EINVAL, "an INTERDOMAIN port");
	bind_refused(2, 1, 3, -EINVAL, "an INTERDOMAIN port, bound to d2");
	bind_refused(0, 1, 4, -EINVAL, "a VIRQ port");
	bind_refused(0, DOMID_SELF, 1, -EINVAL, "d0's own VIRQ port");
	bind_refused(0, 1, 2, -EINVAL, "a port offered to d2");
	bind_refused(0, 1, 5, -EINVAL, "a port d1 offered to itself");
	bind_refused(1, 0, 2, -EINVAL, "a port d0 offered to itself");
	assert_wakes(0, 0, 0);
}

Test(bind_interdomain, not_twice)
{
	uint32_t p = bind_ok(0, 1, 1, 1);

	bind_refused(0, 1, 1, -EINVAL, "a port bound already");
	bind_refused(2, 1, 1, -EINVAL, "a port bound to d0");
	bind_refused(0, DOMID_SELF, p, -EINVAL, "d0's end of the channel");
	assert_invariants("after the refused binds");
}

Test(bind_interdomain, no_free_port)
{
	for (uint32_t p = 3; p < EVTCHN_PORTS; p++)
		unit_offer(0, p, 2);
	bind_refused(0, 1, 1, -ENOSPC, "d0 has no free port");
	cr_assert_eq(domains[1].ext.evtchn[1].state, ECS_UNBOUND);
	/* d2 has ports to spare */
	bind_ok(2, 0, 0, 3);
}
