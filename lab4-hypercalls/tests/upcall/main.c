/*
 * upcall (exercise 5, with 1, 2, 3 for the events and 6 to return): the
 * VMM enters our callback when an event is pending and we are unmasked.
 *  - a send on a loopback channel: one upcall, with the right port,
 *    before the send hypercall "returns" to us; the mask is set inside
 *    the callback and clear after it;
 *  - masked (the virtual interrupt flag): a send is not delivered, and
 *    unmasking delivers it (events_unmask's re-check);
 *  - an event sent from inside the callback is not lost: it comes as the
 *    next upcall as soon as the first one returns;
 *  - no callback registered: nothing is delivered, nothing breaks.
 */
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "upcall: events delivered to the callback";

static volatile uint32_t last_port, mask_inside, resend_port;

static void handler(uint32_t port)
{
	last_port = port;
	mask_inside = vcpu0()->evtchn_upcall_mask;
	if (resend_port) {
		uint32_t p = resend_port;

		resend_port = 0;
		evtchn_send(p); /* arrives while we are in the callback */
	}
}

void test_main(void)
{
	int a, b;

	events_mask();
	a = evtchn_alloc_unbound(DOMID_SELF);
	b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)a);
	check(a > 0 && b > 0);

	/* No callback yet: the event waits. */
	events_unmask();
	check_eq(evtchn_send((uint32_t)a), 0);
	check_eq(upcalls, 0);
	check(evtchn_is_pending((uint32_t)b));
	check_eq(events_init(handler), 0);
	events_mask();
	events_unmask(); /* delivers the waiting one */
	check_eq(upcalls, 1);
	check_eq(last_port, (uint32_t)b);
	check_eq(mask_inside, 1);
	check_eq(vcpu0()->evtchn_upcall_mask, 0);
	printf("waiting event delivered once a callback exists\n");

	check_eq(evtchn_send((uint32_t)a), 0);
	check_eq(upcalls, 2); /* on the way back from the send */
	check_eq(last_port, (uint32_t)b);
	printf("send: upcall before the hypercall returns\n");

	events_mask();
	check_eq(evtchn_send((uint32_t)b), 0);
	check_eq(upcalls, 2);
	check(evtchn_is_pending((uint32_t)a));
	events_unmask();
	check_eq(upcalls, 3);
	check_eq(last_port, (uint32_t)a);
	printf("masked: held back; unmask delivers\n");

	resend_port = (uint32_t)a;
	check_eq(evtchn_send((uint32_t)a), 0);
	check_eq(upcalls, 5);
	check_eq(events_handled, 5);
	check_eq(last_port, (uint32_t)b);
	check_eq(vcpu0()->evtchn_upcall_mask, 0);
	printf("event raised inside the callback: the next upcall\n");
	xtf_success("upcalls as the ABI says");
}
