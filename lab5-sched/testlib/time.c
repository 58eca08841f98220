/* The test library's time: include/guest/time.h. */
#include <arch/x86.h>
#include <guest/events.h>
#include <guest/test.h>
#include <guest/time.h>
#include <guest/time_read.h>
#include <lib/string.h>
#include <lib/time_scale.h>

uint64_t now_ns_v(uint32_t *version)
{
	return time_read(&vcpu0()->time, version);
}

uint64_t now_ns(void)
{
	return time_read(&vcpu0()->time, 0);
}

uint32_t wallclock_sec(void)
{
	return wallclock_read(shared_info());
}

long dom0_op(struct dom0_op *op)
{
	op->interface_version = DOM0_INTERFACE_VERSION;
	return _hypercall1(__HYPERVISOR_dom0_op, (unsigned long)op);
}

uint64_t domain_cpu_time(uint32_t dom)
{
	struct dom0_op op;
	long rc;

	memset(&op, 0, sizeof(op));
	op.cmd = DOM0_GETDOMAININFO;
	op.u.getdomaininfo.domain = dom;
	rc = dom0_op(&op);
	if (rc) {
		xtf_failure("GETDOMAININFO of d%u: %ld", dom, rc);
		return 0;
	}
	return op.u.getdomaininfo.cpu_time;
}

volatile uint32_t timer_events;
volatile uint64_t timer_seen_at;
static int timer_port;
static void (*other_handler)(uint32_t port);

static void time_handler(uint32_t port)
{
	if ((int)port == timer_port) {
		timer_events++;
		timer_seen_at = now_ns();
	} else if (other_handler) {
		other_handler(port);
	}
}

int timer_init(void (*handler)(uint32_t port))
{
	long rc;

	other_handler = handler;
	rc = events_init(time_handler);
	if (rc)
		return (int)rc;
	timer_port = evtchn_bind_virq(VIRQ_TIMER);
	return timer_port > 0 ? 0 : timer_port;
}

uint64_t sleep_until(uint64_t deadline)
{
	uint64_t t;

	check_eq(HYPERVISOR_set_timer_op(deadline), 0);
	do {
		uint32_t seen = timer_events;

		while (timer_events == seen)
			HYPERVISOR_sched_op(SCHEDOP_block, 0);
		t = now_ns();
	} while (t < deadline);
	return t;
}

void spin_until(uint64_t t)
{
	while (now_ns() < t)
		;
}
