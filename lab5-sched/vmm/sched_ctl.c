/*
 * dom0_op's scheduler commands (public/dom0_ops.h): only domain 0, the
 * privileged domain, may change how the CPU is shared. Every argument is
 * checked before anything changes: a refused call changes nothing.
 */
#include <public/dom0_ops.h>
#include <public/errno.h>
#include <vmm/event.h>
#include <vmm/guestmem.h>
#include <vmm/registry.h>
#include <vmm/runq.h>
#include <vmm/sched.h>
#include <vmm/time.h>

/* The live domain named by id (DOMID_SELF: the caller), or NULL. */
static struct domain *target(uint32_t id)
{
	return domain_by_id(current->domain, id);
}

static long adjustdom(const struct dom0_adjustdom *a)
{
	struct domain *d = target(a->domain);
	struct bvt *b;

	if (!d)
		return -ESRCH;
	if (a->mcu_adv < 1 || a->mcu_adv > BVT_MCU_ADVANCE_MAX ||
	    a->warp > BVT_WARP_MAX || a->warpl > 1000000 || a->warpu > 1000000)
		return -EINVAL;
	b = &d->vcpu.ext.sched.bvt;
	if (&d->vcpu == current) /* what it ran so far, at the old weight */
		sched_bvt_charge_current(now_ns());
	b->mcu_advance = a->mcu_adv;
	b->warp = a->warp;
	b->warp_limit = a->warpl * NSEC_PER_USEC;
	b->unwarp_req = a->warpu * NSEC_PER_USEC;
	if (!b->warp)
		b->warped = 0;
	bvt_update_evt(b);
	resched("adjust"); /* the order may have changed */
	return 0;
}

static uint32_t state_of(struct domain *d)
{
	struct vcpu *v = &d->vcpu;

	if (v->ext.sched.paused)
		return DOMSTATE_PAUSED;
	return v->ext.blocked ? DOMSTATE_BLOCKED : DOMSTATE_RUNNABLE;
}

static long getdomaininfo(struct dom0_getdomaininfo *g)
{
	struct domain *d = target(g->domain);
	struct vcpu *v;
	struct bvt *b;

	if (!d)
		return -ESRCH;
	v = &d->vcpu;
	b = &v->ext.sched.bvt;
	g->state = state_of(d);
	g->cpu_time = v->ext.sched.cpu_time;
	if (v == current) /* up to now (charged only when it stops) */
		g->cpu_time += now_ns() - v->ext.sched.dispatched_at;
	g->dispatches = v->ext.sched.dispatches;
	g->mcu_adv = b->mcu_advance;
	g->warp = b->warp;
	g->warpl = (uint32_t)udiv64(b->warp_limit, NSEC_PER_USEC);
	g->warpu = (uint32_t)udiv64(b->unwarp_req, NSEC_PER_USEC);
	g->avt = b->avt;
	g->evt = b->evt;
	return 0;
}

static long pause(uint32_t id, int stop)
{
	struct domain *d = target(id);

	if (!d)
		return -ESRCH;
	if (d == current->domain)
		return -EINVAL; /* domain 0 would never run again */
	if (stop)
		vcpu_pause(&d->vcpu);
	else
		vcpu_unpause(&d->vcpu);
	return 0;
}

static long do_dom0_op(unsigned long uop)
{
	struct domain *self = current->domain;
	struct dom0_op op;
	long rc;

	if (self->id != 0)
		return -EPERM;
	if (copy_from_guest(self, &op, uop, sizeof(op)))
		return -EFAULT;
	if (op.interface_version != DOM0_INTERFACE_VERSION)
		return -EACCES;
	switch (op.cmd) {
	case DOM0_BVTCTL:
		if (op.u.bvtctl.ctx_allow < BVT_CTX_MIN_NS ||
		    op.u.bvtctl.ctx_allow > BVT_CTX_MAX_NS)
			return -EINVAL;
		bvt_global.ctx_allow = op.u.bvtctl.ctx_allow;
		return 0;
	case DOM0_ADJUSTDOM:
		return adjustdom(&op.u.adjustdom);
	case DOM0_STOPDOMAIN:
		return pause(op.u.domain, 1);
	case DOM0_STARTDOMAIN:
		return pause(op.u.domain, 0);
	case DOM0_GETDOMAININFO:
		rc = getdomaininfo(&op.u.getdomaininfo);
		if (!rc && copy_to_guest(self, uop, &op, sizeof(op)))
			rc = -EFAULT;
		return rc;
	default:
		return -ENOSYS;
	}
}
HYPERCALL(__HYPERVISOR_dom0_op, do_dom0_op);

void vcpu_pause(struct vcpu *v)
{
	v->ext.sched.paused = 1;
	scheduler->sleep(v);
}

void vcpu_unpause(struct vcpu *v)
{
	v->ext.sched.paused = 0;
	if (!v->ext.blocked)
		scheduler->wake(v);
}
