/*
 * preempt_spin (the scheduler: exercises 2, 6, 7, 8): a domain cannot
 * keep the CPU. Two domains from this image, then tests/victim.elf:
 *  - role=spin (domain 0, first to run) offers a port to domain 1,
 *    masks events and spins, reading the port's pending bit (which a
 *    masked event still sets) - it never blocks, yields or makes a
 *    hypercall; it gives up with a failure after 2 s of system time;
 *  - role=work (domain 1) needs about 20 ms of CPU (a count it runs),
 *    then binds to the port and sends: only preemption by the timer
 *    lets it run at all. Its share while both ran is reported;
 *  - the victim runs its own checks, untouched.
 * A VMM that does not preempt never runs domain 1: the spinner fails
 * after 2 s of virtual time, the worker and victim never start.
 */
#include <guest/events.h>
#include <guest/test.h>
#include <guest/time.h>
#include <lib/string.h>

const char test_title[] = "preempt_spin: a spinning domain cannot keep the CPU";

static void spin(void)
{
	int p = evtchn_alloc_unbound(1);
	uint64_t start = now_ns(), end;

	check(p > 0);
	events_mask();
	while (!evtchn_is_pending((uint32_t)p))
		if (now_ns() - start > 2000000000ull) {
			xtf_failure("never preempted: domain 1 did not "
				    "send in 2 s");
			return;
		}
	end = now_ns();
	printf("spun %u us with events masked until domain 1 sent\n",
	       ns_to_us(end - start));
	xtf_success("preempted while spinning");
}

static void work(void)
{
	volatile uint32_t n = 0;
	uint64_t start = now_ns();
	int p;

	while (n < 5000000)
		n++;
	p = evtchn_bind_interdomain(0, 1);
	check(p > 0);
	check_eq(evtchn_send((uint32_t)p), 0);
	printf("counted to %u; %u us of system time meanwhile\n", n,
	       ns_to_us(now_ns() - start));
	xtf_success("ran beside a spinning domain");
}

void test_main(void)
{
	char role[8] = "";

	test_arg("role", role, sizeof(role));
	if (!strcmp(role, "spin"))
		spin();
	else
		work();
}
