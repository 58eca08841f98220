/*
 * warp_latency (exercises 6, 7, 8, with 4 for the ticker's timer): a
 * warped domain is dispatched at once after its event, under a CPU hog.
 * Four domains from this image:
 *  - role=ticker (domain 0, warped: it stands for a device's interrupt,
 *    which must not wait behind the hog either) offers a port to domains 2 and
 * 3, waits until both are bound, then at first= ms and every period= ms after
 * it (rounds= times) wakes on its timer and sends on both ports, domain 2's
 * first; then ends (its ports close as it dies, which wakes the workers);
 *  - role=hog (domain 1) spins until the end;
 *  - role=worker (domains 2 and 3) blocks until an event, notes how long
 *    after the round's time it got to run (its latency), spins work= us,
 *    and blocks again, until its port is closed. Domain 2 has a warp on
 *    its command line (warp=, warpl=, warpu=), domain 3 none.
 * Checked by each worker against its command line: max= us bounds every
 * latency of domain 2, which must see every round; domain 3, which waits behind
 * domain 2's work and competes with the hog unwarped, must see at least min= us
 * on average (so the test shows what the warp bought).
 */
#include <guest/events.h>
#include <guest/test.h>
#include <guest/time.h>
#include <lib/string.h>

const char test_title[] = "warp_latency: a warped domain runs first";

#define MS 1000000ull

static uint64_t first, period;
static uint32_t rounds;

static void args(void)
{
	first = test_arg_num("first", 30) * MS;
	period = test_arg_num("period", 10) * MS;
	rounds = test_arg_num("rounds", 20);
}

static int bound(uint32_t port)
{
	struct evtchn_status st;

	memset(&st, 0, sizeof(st));
	return evtchn_status(port, &st) == 0 &&
	       st.status == EVTCHNSTAT_interdomain;
}

static void ticker(void)
{
	int a = evtchn_alloc_unbound(2), b = evtchn_alloc_unbound(3);

	check(a > 0 && b > 0);
	check_eq(timer_init(NULL), 0);
	events_unmask();
	while (!bound((uint32_t)a) || !bound((uint32_t)b))
		check_eq(HYPERVISOR_sched_op(SCHEDOP_yield, 0), 0);
	for (uint32_t k = 0; k < rounds; k++) {
		sleep_until(first + k * period);
		check_eq(evtchn_send((uint32_t)a), 0);
		check_eq(evtchn_send((uint32_t)b), 0);
	}
	/* Our end: the workers learn it from our death, which leaves their
	 * ports unbound and pending. */
	xtf_success("%u rounds sent", rounds);
}

static void hog(void)
{
	spin_until(first + (rounds + 2) * period);
	xtf_success("hogged");
}

static volatile uint32_t woken;

static void on_event(uint32_t port)
{
	(void)port;
	woken = 1;
}

static void worker(uint32_t self)
{
	uint64_t work = test_arg_num("work", 2000) * 1000ull, sum = 0, t, lat;
	uint32_t worst = 0, n = 0, p;
	char name[32];
	int port;

	check_eq(events_init(on_event), 0);
	events_unmask();
	/* The ticker offers port self - 1 (ours) before anything else. */
	while ((port = evtchn_bind_interdomain(0, self - 1)) < 0)
		check_eq(HYPERVISOR_sched_op(SCHEDOP_yield, 0), 0);
	p = (uint32_t)port;
	for (;;) {
		/* An event during the work (the close, or the next round)
		 * leaves woken set: the wait returns at once. */
		check_eq(events_wait(&woken), 0);
		woken = 0;
		if (!bound(p))
			break;
		t = now_ns();
		lat = t - first - period * udiv64(t - first, period);
		sum += lat;
		n++;
		if (lat > worst)
			worst = (uint32_t)lat;
		spin_until(t + work);
	}
	if (test_arg_num("max", 0))
		check(n >= rounds - 1); /* the warped one misses none */
	printf("d%u: %u rounds, latency average %u ns, worst %u ns\n", self, n,
	       n ? (uint32_t)udiv64(sum, n) : 0, worst);
	if (n && test_arg("bench", name, sizeof(name)))
		bench_report(name, (uint32_t)udiv64(sum, n), "ns");
	if (test_arg_num("max", 0) && worst > test_arg_num("max", 0) * 1000)
		xtf_failure("a latency of %u ns, above max", worst);
	if (n && udiv64(sum, n) < test_arg_num("min", 0) * 1000ull)
		xtf_failure("average latency %u ns, below min",
			    (uint32_t)udiv64(sum, n));
	xtf_success("latencies as the warp says");
}

void test_main(void)
{
	char role[8] = "";

	args();
	test_arg("role", role, sizeof(role));
	if (!strcmp(role, "ticker"))
		ticker();
	else if (!strcmp(role, "hog"))
		hog();
	else
		worker(test_arg_num("self", 2));
}
