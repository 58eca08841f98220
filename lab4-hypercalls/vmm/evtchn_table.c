/*
 * The event-channel table of each domain (vmm/event.h): finding and
 * allocating ports, raising VIRQs, and what happens to a domain's ports
 * when it dies.
 */
#include <public/errno.h>
#include <public/event_channel.h>
#include <public/shared_info.h>
#include <vmm/domain.h>
#include <vmm/event.h>
#include <vmm/registry.h>

struct evtchn *evtchn_of(struct domain *d, uint32_t port)
{
	return port < EVTCHN_PORTS ? &d->ext.evtchn[port] : NULL;
}

int evtchn_alloc_port(struct domain *d)
{
	for (int p = 1; p < EVTCHN_PORTS; p++)
		if (d->ext.evtchn[p].state == ECS_FREE)
			return p;
	return -ENOSPC;
}

struct domain *domain_by_id(struct domain *self, uint32_t dom)
{
	if (dom == DOMID_SELF)
		return self;
	if (dom >= MAX_DOMAINS || domains[dom].state != DOM_RUNNING)
		return NULL;
	return &domains[dom];
}

void send_virq(struct domain *d, unsigned virq)
{
	uint16_t port;

	if (d->state != DOM_RUNNING || virq >= NR_VIRQS)
		return;
	port = d->ext.virq_port[virq];
	if (port)
		evtchn_set_pending(d, port);
}

/* A dying domain closes every port: its peers' ends become unbound, and
 * pending, so that a peer blocked on it wakes and can see that (status);
 * no pending bit or binding is left. Runs before the shared-info page
 * is freed, while d is still DOM_RUNNING. */
static void evtchn_teardown(struct domain *d)
{
	for (uint32_t p = 1; p < EVTCHN_PORTS; p++) {
		struct evtchn c = d->ext.evtchn[p];

		if (c.state == ECS_FREE)
			continue;
		evtchn_close_port(d, p);
		if (c.state == ECS_INTERDOMAIN && c.remote_dom != d->id)
			evtchn_set_pending(&domains[c.remote_dom],
					   c.remote_port);
	}
}
TEARDOWN_STEP(20, evtchn_teardown);

/* VIRQ_DOM_EXC: domain 0 learns that another domain has died. */
static void dom_exc_notify(struct domain *d)
{
	if (d->id != 0)
		send_virq(&domains[0], VIRQ_DOM_EXC);
}
TEARDOWN_STEP(21, dom_exc_notify);
