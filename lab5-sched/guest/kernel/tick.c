/*
 * The timer's events (lab 5): VIRQ_TIMER and the periodic tick.
 *
 * The VMM raises VIRQ_TIMER for two timers of ours: the periodic tick,
 * every TICK_NS while we run (vcpu_op's VCPUOP_set_periodic_timer,
 * public/vcpu.h), and the one-shot timer that sleep.c sets for its
 * earliest sleeper (set_timer_op). Both come on one port, and an event
 * does not say which timer raised it, so each event goes to both users
 * with the time it was taken at, and each decides by the time what is
 * due: sleep.c wakes the sleepers whose deadline has passed, preempt.c
 * ends the running process's time slice if it is over.
 *
 * The port is bound after lab 4's channels (BOOT_STEP 30): those must
 * get the first ports, which the peer domain binds to by number.
 *
 * "notick" on the command line starts no periodic tick, for
 * comparisons: processes then switch only when they give up the CPU, as
 * in labs 2 to 4 (no slice ever ends), and only the one-shot timer wakes
 * sleepers.
 */
#include <lib/cmdline.h>
#include <guest/console.h>
#include <guest/hypercall_events.h>
#include <guest/platform.h>
#include <guest/time.h> /* the hypercalls; the rest is testlib's */
#include <clock.h>
#include <events.h>
#include <kernel.h>

int ticking;
static uint32_t timer_virqs; /* ticks and one-shots, for the report */

/* In the upcall, events masked: one event, from either timer. */
static void timer_event(uint32_t port)
{
	uint64_t now = clock_ns();

	(void)port;
	timer_virqs++;
	sleepers_wake(now);
	slice_check(now);
}

static void tick_boot(void)
{
	struct evtchn_bind_virq virq = { VIRQ_TIMER, 0, 0 };
	struct vcpu_set_periodic_timer tick = { TICK_NS };
	long rc;

	rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &virq);
	if (rc)
		panic("cannot bind VIRQ_TIMER (%ld)", rc);
	evtchn_set_handler(virq.port, timer_event);
	if (cmdline_get(start_info->cmd_line, "notick", 0, 0)) {
		printf("kernel: no tick, no preemption (notick)\n");
		return;
	}
	rc = HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 0, &tick);
	if (rc)
		panic("vcpu_op refused the periodic tick (%ld)", rc);
	ticking = 1;
	printf("kernel: tick every %u ms, time slices of %u ms\n",
	       TICK_NS / NS_PER_MS, SLICE_NS / NS_PER_MS);
}
BOOT_STEP(40, tick_boot);

/* First of the end steps: no more ticks while the kernel reports. */
static void tick_end(void)
{
	if (ticking)
		HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, 0);
	printf("kernel: %u timer events\n", timer_virqs);
}
END_STEP(1, tick_end);
