/*
 * evtchn_pending (exercise 1, with 2 and 3 to make a channel): what an
 * event does to the shared-info page, read with no callback registered,
 * so that nothing is delivered and every bit can be seen.
 *  - a loopback channel (offered to ourselves, bound by ourselves): a
 *    send sets the peer port's pending bit, the selector bit of its word
 *    and upcall_pending;
 *  - a second send while pending changes nothing;
 *  - a masked port: pending set, selector and upcall_pending not;
 *    EVTCHNOP_unmask then raises it as if it had just come;
 *  - the event lands on the *other* end: the sending port stays clear;
 *  - a port in the second word (>= 32) sets selector bit 1.
 */
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "evtchn_pending: the 2-level event bits";

static struct shared_info *si;

static void clear_all(void)
{
	struct vcpu_info *vi = vcpu0();

	for (int w = 0; w < 32; w++)
		si->evtchn_pending[w] = 0;
	vi->evtchn_pending_sel = 0;
	vi->evtchn_upcall_pending = 0;
}

void test_main(void)
{
	struct vcpu_info *vi = vcpu0();
	int a, b, ports[40], n;

	si = shared_info();
	events_mask(); /* no callback anyway: nothing is delivered */
	evtchn_loopback(&a, &b);
	clear_all();
	check_eq(evtchn_send((uint32_t)a), 0);
	check(evtchn_is_pending((uint32_t)b));
	check(!evtchn_is_pending((uint32_t)a));
	check_eq(vi->evtchn_pending_sel, 1u << (b / 32));
	check_eq(vi->evtchn_upcall_pending, 1);
	printf("send on port %d: port %d pending, selector and upcall set\n", a,
	       b);

	/* Already pending: the VMM must not touch the rest again. */
	vi->evtchn_pending_sel = 0;
	vi->evtchn_upcall_pending = 0;
	check_eq(evtchn_send((uint32_t)a), 0);
	check_eq(vi->evtchn_pending_sel, 0);
	check_eq(vi->evtchn_upcall_pending, 0);
	printf("a second send while pending: nothing more\n");

	/* Masked: pending only. */
	clear_all();
	evtchn_mask_port((uint32_t)b, 1);
	check_eq(evtchn_send((uint32_t)a), 0);
	check(evtchn_is_pending((uint32_t)b));
	check_eq(vi->evtchn_pending_sel, 0);
	check_eq(vi->evtchn_upcall_pending, 0);
	check_eq(evtchn_unmask((uint32_t)b), 0);
	check(evtchn_is_pending((uint32_t)b));
	check_eq(vi->evtchn_pending_sel, 1u << (b / 32));
	check_eq(vi->evtchn_upcall_pending, 1);
	printf("masked port: pending only; unmask raises it\n");

	/* A port in the second word. */
	for (n = 0; n < 40; n++) {
		ports[n] = evtchn_alloc_unbound(DOMID_SELF);
		check(ports[n] > 0);
		if (ports[n] >= 40)
			break;
	}
	check(n < 40);
	b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)ports[n]);
	check(b >= 32);
	clear_all();
	check_eq(evtchn_send((uint32_t)b), 0);
	check(evtchn_is_pending((uint32_t)ports[n]));
	check_eq(vi->evtchn_pending_sel, 1u << (ports[n] / 32));
	check_eq(vi->evtchn_upcall_pending, 1);
	printf("port %d: selector bit %d\n", ports[n], ports[n] / 32);
	xtf_success("event bits as the ABI says");
}
