/*
 * Connecting and closing event channels. An interdomain channel is made
 * in two steps, so that both domains agree to it: one domain offers a
 * port to a named peer (alloc_unbound, evtchn_ops.c), the peer binds a
 * port of its own to it (bind_interdomain). Closing one end leaves the
 * other offered again.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/shared_info.h>
#include <vmm/event.h>

long evtchn_bind_interdomain(struct domain *d, uint32_t rdom, uint32_t rport)
{
	struct domain *r = domain_by_id(d, rdom);
	struct evtchn *rc, *lc;
	int lport;

	/* BEGIN LAB 4 EXERCISE 3 (bind_interdomain) */
	(void)r, (void)rc, (void)lc, (void)lport, (void)rport;
	EXERCISE_STUB(4, 3, "bind_interdomain");
	/* END LAB 4 EXERCISE 3 */
}

long evtchn_close_port(struct domain *d, uint32_t port)
{
	struct evtchn *c = evtchn_of(d, port);
	uint32_t *pending = d->ext.shared->evtchn_pending;

	/* BEGIN LAB 4 EXERCISE 4 (evtchn_close) */
	(void)c, (void)pending;
	EXERCISE_STUB(4, 4, "evtchn_close");
	/* END LAB 4 EXERCISE 4 */
}
