/*
 * ping_pong (exercises 1-7): two domains booted from this image, role=ping
 * (domain 0) and role=pong (domain 1), bat an event back and forth over
 * one interdomain channel, ROUNDS times, each blocking until the other's
 * event wakes it. Strict turns, so no two events ever merge into one
 * pending bit, and both sides can count exactly:
 *  - pong binds to ping's offered port 1 and sends once ("ready");
 *  - ping sends, pong answers, ROUNDS times;
 *  - each side checks it received exactly what the other sent.
 */
#include <guest/events.h>
#include <guest/test.h>
#include <lib/string.h>

const char test_title[] = "ping_pong: events between two domains";

#define ROUNDS 1000

static volatile uint32_t got;
static uint32_t our_port;

static void handler(uint32_t port)
{
	if (port == our_port)
		got++;
}

/* Blocks until `got` reaches n; 0, or -1 after too many wake-ups. */
static int wait_for(uint32_t n)
{
	for (int i = 0; i < 100; i++) {
		events_mask();
		if (got >= n) {
			events_unmask();
			return 0;
		}
		HYPERVISOR_sched_op(SCHEDOP_block, 0);
	}
	events_unmask();
	return -1;
}

static void ping(void)
{
	int p = evtchn_alloc_unbound(1);

	check_eq(p, 1);
	our_port = (uint32_t)p;
	check_eq(wait_for(1), 0); /* pong is ready */
	for (uint32_t i = 1; i <= ROUNDS; i++) {
		check_eq(evtchn_send(our_port), 0);
		if (wait_for(i + 1)) {
			xtf_failure("no answer to ping %u", i);
			return;
		}
	}
	check_eq(got, ROUNDS + 1);
	printf("ping: %u sent, %u answers\n", ROUNDS, got - 1);
}

static void pong(void)
{
	int p = evtchn_bind_interdomain(0, 1);

	check(p > 0);
	our_port = (uint32_t)p;
	check_eq(evtchn_send(our_port), 0); /* ready */
	for (uint32_t i = 1; i <= ROUNDS; i++) {
		if (wait_for(i)) {
			xtf_failure("ping %u never came", i);
			return;
		}
		check_eq(evtchn_send(our_port), 0);
	}
	check_eq(got, ROUNDS);
	printf("pong: %u received, %u answered\n", got, ROUNDS);
}

void test_main(void)
{
	char role[8];

	check_eq(events_init(handler), 0);
	if (!test_arg("role", role, sizeof(role)))
		xtf_error("no role= on the command line");
	else if (!strcmp(role, "ping"))
		ping();
	else
		pong();
	xtf_success("%u rounds", ROUNDS);
}
