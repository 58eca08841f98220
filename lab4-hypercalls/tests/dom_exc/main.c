/*
 * dom_exc (VIRQ_DOM_EXC, with exercises 1, 4, 5, 6, 7): domain 0 binds
 * VIRQ_DOM_EXC and waits; domain 1 (tests/hello.elf) runs and shuts
 * down; its death raises the VIRQ in domain 0, which wakes up.
 *  - binding it twice: -EEXIST;
 *  - the event arrives on the bound port, and only once.
 */
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "dom_exc: domain 0 hears of a death";

static volatile uint32_t got, port_seen;

static void handler(uint32_t port)
{
	port_seen = port;
	got++;
}

void test_main(void)
{
	int p;

	check_eq(events_init(handler), 0);
	p = evtchn_bind_virq(VIRQ_DOM_EXC);
	check(p > 0);
	check_eq(evtchn_bind_virq(VIRQ_DOM_EXC), -EEXIST);
	check_eq(events_wait(&got), 0);
	check_eq(port_seen, (uint32_t)p);
	check_eq(got, 1);
	printf("VIRQ_DOM_EXC on port %d: domain 1 is gone\n", p);
	xtf_success("a death reported to domain 0");
}
