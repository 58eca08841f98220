/*
 * Raising an event (Xen's 2-level event channels): the pending bit of the
 * port, then - unless the port is masked - the selector bit of its word
 * and the vCPU's upcall_pending, and the vCPU woken if it waits. The
 * guest sees all of it in its shared-info page; the upcall itself comes
 * on the guest's next return from the VMM (upcall.c).
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/shared_info.h>
#include <vmm/event.h>

/* Sets bit n of the bitmap; returns its old value. */
static int test_and_set(uint32_t *map, uint32_t n)
{
	uint32_t bit = 1u << (n % 32);
	int old = (map[n / 32] & bit) != 0;

	map[n / 32] |= bit;
	return old;
}

static int test_bit(const uint32_t *map, uint32_t n)
{
	return (map[n / 32] >> (n % 32)) & 1;
}

void evtchn_set_pending(struct domain *d, uint32_t port)
{
	struct shared_info *s = d->ext.shared;
	struct vcpu_info *vi = &s->vcpu_info[0];

	/* BEGIN LAB 4 EXERCISE 1 (evtchn_set_pending) */
	(void)s, (void)vi, (void)port, (void)test_bit, (void)test_and_set;
	EXERCISE_STUB(4, 1, "evtchn_set_pending");
	/* END LAB 4 EXERCISE 1 */
}

long evtchn_send_port(struct domain *d, uint32_t port)
{
	struct evtchn *c = evtchn_of(d, port);

	/* BEGIN LAB 4 EXERCISE 2 (evtchn_send) */
	(void)c;
	EXERCISE_STUB(4, 2, "evtchn_send");
	/* END LAB 4 EXERCISE 2 */
}
