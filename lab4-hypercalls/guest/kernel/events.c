/*
 * Events in the guest kernel (lab 4): the upcall, a handler per port,
 * the virtual interrupt flag, and idling with SCHEDOP_block.
 *
 * The virtual interrupt flag is evtchn_upcall_mask in our vcpu_info: the
 * kernel's critical sections (kernel.h: crit_enter, crit_exit) set it
 * with a plain store, no VMM entry - what cli/sti would be on a real
 * machine, which ring 1 may not execute. Unmasking must not lose an
 * event that came while masked: crit_exit looks at upcall_pending after
 * the store and, if set, has the VMM deliver it (any hypercall returns
 * through the VMM's event check; xen_version is the cheapest).
 */
#include <guest/console.h>
#include <guest/hypercall_events.h>
#include <guest/platform.h>
#include <public/errno.h>
#include <public/shared_info.h>
#include <public/layout.h>
#include <events.h>
#include <kernel.h>

void upcall_entry(void);
void do_upcall(void);

static port_handler handlers[EVTCHN_PORTS];
static uint32_t spurious;

#define barrier() __asm__ volatile("" ::: "memory")

static struct shared_info *shared(void)
{
	return (struct shared_info *)KIT_SHARED_INFO_VA(start_info->nr_pages);
}

static struct vcpu_info *vcpu(void)
{
	return &shared()->vcpu_info[0];
}

void evtchn_set_handler(uint32_t port, port_handler h)
{
	if (port < EVTCHN_PORTS)
		handlers[port] = h;
}

/* The upcall, events masked: each pending, unmasked port to its handler.
 * upcall_pending is cleared before the selector is taken, so an event
 * that comes while the handlers run makes a new upcall (after the iret),
 * never a lost one. */
void do_upcall(void)
{
	struct shared_info *s = shared();
	uint32_t sel;

	vcpu()->evtchn_upcall_pending = 0;
	barrier();
	sel = __atomic_exchange_n(&vcpu()->evtchn_pending_sel, 0,
				  __ATOMIC_SEQ_CST);
	while (sel) {
		uint32_t w = (uint32_t)__builtin_ctz(sel), bits;

		sel &= sel - 1;
		bits = s->evtchn_pending[w] & ~s->evtchn_mask[w];
		while (bits) {
			uint32_t b = (uint32_t)__builtin_ctz(bits);
			uint32_t port = w * 32 + b;

			bits &= bits - 1;
			__atomic_and_fetch(&s->evtchn_pending[w], ~(1u << b),
					   __ATOMIC_SEQ_CST);
			if (port < EVTCHN_PORTS && handlers[port])
				handlers[port](port);
			else
				spurious++;
		}
	}
}

unsigned long crit_enter(void)
{
	unsigned long old = vcpu()->evtchn_upcall_mask;

	vcpu()->evtchn_upcall_mask = 1;
	barrier();
	return old;
}

void crit_exit(unsigned long saved)
{
	barrier();
	vcpu()->evtchn_upcall_mask = (uint8_t)saved;
	barrier();
	if (!saved && vcpu()->evtchn_upcall_pending)
		HYPERVISOR_xen_version(XENVER_version, 0); /* deliver it */
}

/* Inside the scheduler's critical section, nothing can run: block, which
 * unmasks events in the VMM and returns when one is pending (at once if
 * one already is); its upcall comes on the way back and may wake a
 * process. Then the critical section goes on, masked again. */
void idle(void)
{
	HYPERVISOR_sched_op(SCHEDOP_block, 0);
	vcpu()->evtchn_upcall_mask = 1;
	barrier();
}

static void events_boot(void)
{
	long rc = HYPERVISOR_set_callbacks(platform->kernel_cs,
					   (unsigned long)upcall_entry, 0, 0);

	if (rc)
		panic("set_callbacks refused (%ld)", rc);
}
BOOT_STEP(20, events_boot);

static void events_report(void)
{
	if (spurious)
		printf("kernel: %u events on ports with no handler\n",
		       spurious);
}
END_STEP(30, events_report);
