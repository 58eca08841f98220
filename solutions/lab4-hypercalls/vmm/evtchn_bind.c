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
	if (!r)
		return -ESRCH;
	rc = evtchn_of(r, rport);
	if (!rc || rc->state != ECS_UNBOUND || rc->remote_dom != d->id)
		return -EINVAL;
	lport = evtchn_alloc_port(d);
	if (lport < 0)
		return lport;
	lc = evtchn_of(d, (uint32_t)lport);
	lc->state = ECS_INTERDOMAIN;
	lc->remote_dom = r->id;
	lc->remote_port = (uint16_t)rport;
	rc->state = ECS_INTERDOMAIN;
	rc->remote_dom = d->id;
	rc->remote_port = (uint16_t)lport;
	return lport;
	/* END LAB 4 EXERCISE 3 */
}

long evtchn_close_port(struct domain *d, uint32_t port)
{
	struct evtchn *c = evtchn_of(d, port);
	uint32_t *pending = d->ext.shared->evtchn_pending;

	/* BEGIN LAB 4 EXERCISE 4 (evtchn_close) */
	struct evtchn *rc;

	if (!c || c->state == ECS_FREE)
		return -EINVAL;
	if (c->state == ECS_VIRQ)
		d->ext.virq_port[c->virq] = 0;
	if (c->state == ECS_INTERDOMAIN) {
		rc = evtchn_of(&domains[c->remote_dom], c->remote_port);
		rc->state = ECS_UNBOUND;
		rc->remote_dom = d->id;
		rc->remote_port = 0;
	}
	c->state = ECS_FREE;
	c->remote_dom = 0;
	c->remote_port = 0;
	pending[port / 32] &= ~(1u << (port % 32));
	return 0;
	/* END LAB 4 EXERCISE 4 */
}
