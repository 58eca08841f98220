/*
 * event_channel_op (hypercall 32): event_channel_op(cmd, arg), arg the
 * guest address of the command's struct (public/event_channel.h). Each
 * command is a SUBOP that copies its struct in, acts for the calling
 * domain, and copies the OUT fields back.
 */
#include <public/errno.h>
#include <public/event_channel.h>
#include <public/shared_info.h>
#include <vmm/domain.h>
#include <vmm/event.h>
#include <vmm/guestmem.h>
#include <vmm/hypercall.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

static long do_event_channel_op(unsigned long cmd, unsigned long arg)
{
	return subop_dispatch(__HYPERVISOR_event_channel_op, cmd, arg);
}
HYPERCALL(__HYPERVISOR_event_channel_op, do_event_channel_op);

/* Copies a command's struct in and runs op on it. With out = 1 (the
 * commands with OUT fields) the struct must also be writable, which is
 * checked before op runs, by writing its own bytes back: a command never
 * does its work (allocates a port) and then fails over a struct it cannot
 * write. Once op has succeeded the struct is copied back, OUT fields and
 * all. */
#define EVTCHN_CMD(type, arg, op, out)                                        \
	({                                                                    \
		struct type a_;                                               \
		long rc_;                                                     \
		if (copy_from_guest(current->domain, &a_, arg, sizeof(a_)) || \
		    ((out) &&                                                 \
		     copy_to_guest(current->domain, arg, &a_, sizeof(a_))))   \
			return -EFAULT;                                       \
		rc_ = op(current->domain, &a_);                               \
		if ((out) && rc_ == 0 &&                                      \
		    copy_to_guest(current->domain, arg, &a_, sizeof(a_)))     \
			rc_ = -EFAULT;                                        \
		rc_;                                                          \
	})

static int is_self(const struct domain *d, uint32_t dom)
{
	return dom == DOMID_SELF || dom == d->id;
}

static long alloc_unbound(struct domain *d, struct evtchn_alloc_unbound *a)
{
	struct domain *r;
	int port;

	if (!is_self(d, a->dom))
		return -EPERM;
	r = domain_by_id(d, a->remote_dom);
	if (!r)
		return -ESRCH;
	port = evtchn_alloc_port(d);
	if (port < 0)
		return port;
	d->ext.evtchn[port].state = ECS_UNBOUND;
	d->ext.evtchn[port].remote_dom = r->id;
	a->port = (uint32_t)port;
	return 0;
}

static long op_alloc_unbound(unsigned long arg)
{
	return EVTCHN_CMD(evtchn_alloc_unbound, arg, alloc_unbound, 1);
}
SUBOP(__HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound, op_alloc_unbound);

static long bind_interdomain(struct domain *d,
			     struct evtchn_bind_interdomain *a)
{
	long port = evtchn_bind_interdomain(d, a->remote_dom, a->remote_port);

	if (port < 0)
		return port;
	a->local_port = (uint32_t)port;
	return 0;
}

static long op_bind_interdomain(unsigned long arg)
{
	return EVTCHN_CMD(evtchn_bind_interdomain, arg, bind_interdomain, 1);
}
SUBOP(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_interdomain,
      op_bind_interdomain);

/* Only domain 0 hears of other domains' deaths. */
static long bind_virq(struct domain *d, struct evtchn_bind_virq *a)
{
	int port;

	if (a->virq >= NR_VIRQS)
		return -EINVAL;
	if (a->vcpu != 0)
		return -ENOENT;
	if (a->virq == VIRQ_DOM_EXC && d->id != 0)
		return -EPERM;
	if (d->ext.virq_port[a->virq])
		return -EEXIST;
	port = evtchn_alloc_port(d);
	if (port < 0)
		return port;
	d->ext.evtchn[port].state = ECS_VIRQ;
	d->ext.evtchn[port].virq = (uint8_t)a->virq;
	d->ext.virq_port[a->virq] = (uint16_t)port;
	a->port = (uint32_t)port;
	return 0;
}

static long op_bind_virq(unsigned long arg)
{
	return EVTCHN_CMD(evtchn_bind_virq, arg, bind_virq, 1);
}
SUBOP(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_virq, op_bind_virq);

static long ev_close(struct domain *d, struct evtchn_close *a)
{
	return evtchn_close_port(d, a->port);
}

static long op_close(unsigned long arg)
{
	return EVTCHN_CMD(evtchn_close, arg, ev_close, 0);
}
SUBOP(__HYPERVISOR_event_channel_op, EVTCHNOP_close, op_close);

static long ev_send(struct domain *d, struct evtchn_send *a)
{
	return evtchn_send_port(d, a->port);
}

static long op_send(unsigned long arg)
{
	return EVTCHN_CMD(evtchn_send, arg, ev_send, 0);
}
SUBOP(__HYPERVISOR_event_channel_op, EVTCHNOP_send, op_send);

static long status(struct domain *d, struct evtchn_status *a)
{
	const struct evtchn *c;

	if (!is_self(d, a->dom))
		return -EPERM;
	c = evtchn_of(d, a->port);
	if (!c)
		return -EINVAL;
	a->vcpu = 0;
	a->u.interdomain.dom = c->remote_dom;
	a->u.interdomain.port = c->remote_port;
	switch (c->state) {
	case ECS_FREE:
		a->status = EVTCHNSTAT_closed;
		a->u.interdomain.dom = 0;
		a->u.interdomain.port = 0;
		break;
	case ECS_UNBOUND:
		a->status = EVTCHNSTAT_unbound;
		a->u.interdomain.port = 0;
		break;
	case ECS_INTERDOMAIN:
		a->status = EVTCHNSTAT_interdomain;
		break;
	default:
		a->status = EVTCHNSTAT_virq;
		a->u.virq = c->virq;
		break;
	}
	return 0;
}

static long op_status(unsigned long arg)
{
	return EVTCHN_CMD(evtchn_status, arg, status, 1);
}
SUBOP(__HYPERVISOR_event_channel_op, EVTCHNOP_status, op_status);

/* Clears the mask bit; an event that came while masked is then raised
 * as if it had just come (the selector and upcall_pending), so
 * unmasking never loses one. */
static long unmask(struct domain *d, struct evtchn_unmask *a)
{
	struct shared_info *s = d->ext.shared;
	uint32_t p = a->port, bit = 1u << (p % 32);

	if (p >= EVTCHN_PORTS)
		return -EINVAL;
	s->evtchn_mask[p / 32] &= ~bit;
	if (s->evtchn_pending[p / 32] & bit) {
		s->evtchn_pending[p / 32] &= ~bit;
		evtchn_set_pending(d, p);
	}
	return 0;
}

static long op_unmask(unsigned long arg)
{
	return EVTCHN_CMD(evtchn_unmask, arg, unmask, 0);
}
SUBOP(__HYPERVISOR_event_channel_op, EVTCHNOP_unmask, op_unmask);
