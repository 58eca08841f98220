/*
 * block_stale (exercise 7): block with an event already pending must
 * leave no trace. One domain, two loopback channels:
 *  - events masked, a send on the first, then block: it returns 0 at
 *    once, the upcall comes on the way back;
 *  - yield (back on the run queue), then a send on the second: the
 *    upcall comes, and yield again.
 * A VMM that marks the vCPU blocked, or takes it off the run queue,
 * before it looks for a pending event, and returns without undoing it,
 * leaves a vCPU that a later send queues a second time: the domain's end
 * then leaves the dead vCPU on the queue, and the VMM runs it (a VMM
 * fault). The grader forbids VMM FAULT; the victim booted after us must
 * run to its end.
 */
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "block_stale: block with an event pending leaves "
			  "no trace";

static volatile uint32_t got;

static void handler(uint32_t port)
{
	(void)port;
	got++;
}

void test_main(void)
{
	int first, first_b, second, second_b;

	check_eq(events_init(handler), 0);
	evtchn_loopback(&first, &first_b);
	evtchn_loopback(&second, &second_b);
	events_mask();
	check_eq(evtchn_send((uint32_t)first), 0);
	check_eq(HYPERVISOR_sched_op(SCHEDOP_block, 0), 0);
	check_eq(got, 1);
	printf("block with an event pending: returned at once\n");
	check_eq(HYPERVISOR_sched_op(SCHEDOP_yield, 0), 0);
	check_eq(evtchn_send((uint32_t)second), 0);
	check_eq(got, 2);
	check_eq(HYPERVISOR_sched_op(SCHEDOP_yield, 0), 0);
	printf("yield, a send, yield: still one vCPU on the run queue\n");
	xtf_success("block left no trace");
}
