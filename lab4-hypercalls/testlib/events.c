/* The test library's events: include/guest/events.h. */
#include <guest/events.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <public/xen.h>

volatile uint32_t upcalls, events_handled;
static void (*event_handler)(uint32_t port);

void upcall_entry(void);
void do_upcall(void);

struct vcpu_info *vcpu0(void)
{
	return &shared_info()->vcpu_info[0];
}

#define barrier() __asm__ volatile("" ::: "memory")

/* Runs with events masked: takes the selector word by word, then each
 * pending and unmasked port of it, as a guest kernel's handler does.
 * upcall_pending is cleared first: an event raised while we work sets it
 * again and comes back as the next upcall. */
void do_upcall(void)
{
	struct shared_info *s = shared_info();
	struct vcpu_info *vi = vcpu0();
	uint32_t sel, bits;

	upcalls++;
	vi->evtchn_upcall_pending = 0;
	barrier();
	sel = __atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
	while (sel) {
		uint32_t w = (uint32_t)__builtin_ctz(sel);

		sel &= sel - 1;
		bits = s->evtchn_pending[w] & ~s->evtchn_mask[w];
		while (bits) {
			uint32_t b = (uint32_t)__builtin_ctz(bits);

			bits &= bits - 1;
			__atomic_and_fetch(&s->evtchn_pending[w], ~(1u << b),
					   __ATOMIC_SEQ_CST);
			events_handled++;
			if (event_handler)
				event_handler(w * 32 + b);
		}
	}
}

long events_init(void (*handler)(uint32_t port))
{
	event_handler = handler;
	return HYPERVISOR_set_callbacks(FLAT_RING1_CS,
					(unsigned long)upcall_entry, 0, 0);
}

void events_mask(void)
{
	vcpu0()->evtchn_upcall_mask = 1;
	barrier();
}

void events_unmask(void)
{
	struct vcpu_info *vi = vcpu0();

	barrier();
	vi->evtchn_upcall_mask = 0;
	barrier();
	if (vi->evtchn_upcall_pending)
		HYPERVISOR_xen_version(XENVER_version, 0); /* delivers it */
}

int events_wait(volatile uint32_t *flag)
{
	for (int i = 0; i < 1000; i++) {
		events_mask();
		if (*flag) {
			events_unmask();
			return 0;
		}
		/* Block unmasks; a pending event returns at once, and its
		 * upcall comes before we look at the flag again. */
		HYPERVISOR_sched_op(SCHEDOP_block, 0);
	}
	events_unmask();
	return -1;
}

/* Runs command cmd on arg; then the port it wrote at *port, or -errno.
 * (The port is read after the call, never as a second argument beside
 * it: C does not say which argument is evaluated first.) */
static int port_of(int cmd, void *arg, const uint32_t *port)
{
	long rc = HYPERVISOR_event_channel_op(cmd, arg);

	return rc < 0 ? (int)rc : (int)*port;
}

int evtchn_alloc_unbound(uint32_t remote_dom)
{
	struct evtchn_alloc_unbound a = { DOMID_SELF, (domid_t)remote_dom, 0 };

	return port_of(EVTCHNOP_alloc_unbound, &a, &a.port);
}

int evtchn_bind_interdomain(uint32_t remote_dom, uint32_t remote_port)
{
	struct evtchn_bind_interdomain a = { (domid_t)remote_dom, remote_port,
					     0 };

	return port_of(EVTCHNOP_bind_interdomain, &a, &a.local_port);
}

void evtchn_loopback(int *a, int *b)
{
	*a = evtchn_alloc_unbound(DOMID_SELF);
	check(*a > 0);
	*b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)*a);
	check(*b > 0 && *b != *a);
}

int evtchn_bind_virq(uint32_t virq)
{
	struct evtchn_bind_virq a = { virq, 0, 0 };

	return port_of(EVTCHNOP_bind_virq, &a, &a.port);
}

int evtchn_send(uint32_t port)
{
	struct evtchn_send a = { port };

	return (int)HYPERVISOR_event_channel_op(EVTCHNOP_send, &a);
}

int evtchn_close(uint32_t port)
{
	struct evtchn_close a = { port };

	return (int)HYPERVISOR_event_channel_op(EVTCHNOP_close, &a);
}

int evtchn_unmask(uint32_t port)
{
	struct evtchn_unmask a = { port };

	return (int)HYPERVISOR_event_channel_op(EVTCHNOP_unmask, &a);
}

int evtchn_status(uint32_t port, struct evtchn_status *st)
{
	st->dom = DOMID_SELF;
	st->port = port;
	return (int)HYPERVISOR_event_channel_op(EVTCHNOP_status, st);
}

void evtchn_mask_port(uint32_t port, int masked)
{
	uint32_t *w = &shared_info()->evtchn_mask[port / 32];

	if (masked)
		__atomic_or_fetch(w, 1u << (port % 32), __ATOMIC_SEQ_CST);
	else
		__atomic_and_fetch(w, ~(1u << (port % 32)), __ATOMIC_SEQ_CST);
}

int evtchn_is_pending(uint32_t port)
{
	return (shared_info()->evtchn_pending[port / 32] >> (port % 32)) & 1;
}
