/*
 * evtchn_close (exercise 4, with 3 to connect): closing one end of a
 * channel.
 *  - a loopback channel's bound end closed: the other end is UNBOUND
 *    again, offered to us, and we can bind to it once more;
 *  - a closed port is free: status closed, its pending bit cleared, a
 *    second close -EINVAL, a send on it -EINVAL, and the next allocation
 *    may reuse it;
 *  - a send on a VIRQ port: -EINVAL (only the VMM raises a VIRQ);
 *  - a VIRQ port closed: the VIRQ can be bound again (it was unbound);
 *  - out of range and never allocated: -EINVAL.
 */
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "evtchn_close: one end closed, the other offered";

void test_main(void)
{
	struct evtchn_status st;
	int a, b, v;

	events_mask();
	a = evtchn_alloc_unbound(DOMID_SELF);
	b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)a);
	check(a > 0 && b > 0);
	check_eq(evtchn_status((uint32_t)a, &st), 0);
	check_eq(st.status, EVTCHNSTAT_interdomain);
	check_eq(st.u.interdomain.port, (uint32_t)b);
	check_eq(evtchn_send((uint32_t)a), 0);
	check(evtchn_is_pending((uint32_t)b));

	check_eq(evtchn_close((uint32_t)b), 0);
	check(!evtchn_is_pending((uint32_t)b));
	check_eq(evtchn_status((uint32_t)b, &st), 0);
	check_eq(st.status, EVTCHNSTAT_closed);
	check_eq(evtchn_status((uint32_t)a, &st), 0);
	check_eq(st.status, EVTCHNSTAT_unbound);
	check_eq(st.u.unbound.dom, 0);
	check_eq(evtchn_close((uint32_t)b), -EINVAL);
	check_eq(evtchn_send((uint32_t)b), -EINVAL);
	check_eq(evtchn_send((uint32_t)a), 0); /* unbound: no one listens */
	printf("closed end free, the other offered again\n");

	b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)a);
	check(b > 0);
	check_eq(evtchn_status((uint32_t)a, &st), 0);
	check_eq(st.status, EVTCHNSTAT_interdomain);
	check_eq(st.u.interdomain.port, (uint32_t)b);
	printf("bound again: port %d\n", b);

	v = evtchn_bind_virq(VIRQ_CONSOLE);
	check(v > 0);
	check_eq(evtchn_bind_virq(VIRQ_CONSOLE), -EEXIST);
	check_eq(evtchn_send((uint32_t)v), -EINVAL); /* the VMM raises it */
	check_eq(evtchn_close((uint32_t)v), 0);
	v = evtchn_bind_virq(VIRQ_CONSOLE);
	check(v > 0);
	check_eq(evtchn_status((uint32_t)v, &st), 0);
	check_eq(st.status, EVTCHNSTAT_virq);
	check_eq(st.u.virq, VIRQ_CONSOLE);
	printf("a closed VIRQ port can be bound again\n");

	check_eq(evtchn_close(0), -EINVAL);
	check_eq(evtchn_close(EVTCHN_PORTS), -EINVAL);
	check_eq(evtchn_close(0xFFFFFFFFu), -EINVAL);
	check_eq(evtchn_close(100), -EINVAL);
	xtf_success("close as the ABI says");
}
