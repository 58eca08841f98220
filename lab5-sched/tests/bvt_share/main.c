/*
 * bvt_share (exercises 6, 7, 8): CPU shared by weight. Domain 0 judges,
 * the others (this image, role=hog) spin until system time stop= ms,
 * each with its own mcu_adv= (BVT's inverse weight) on its command line:
 *  - the judge sets the context-switch allowance (ctx= us, DOM0_BVTCTL),
 *    sleeps until from= ms, reads each hog's CPU time
 *    (DOM0_GETDOMAININFO), sleeps until to= ms, reads again;
 *  - each hog's share of the CPU the hogs used in between must be its
 *    weight's share (weight = 1 / mcu_adv; adv= on the judge's command
 *    line lists the hogs' mcu_adv in order) within tol= parts per
 *    million (default 10000: 1%).
 *  - the hogs together cannot have had more CPU than the time between
 *    the two readings (one CPU);
 *  - with min= (ppm), the hogs together must also have had at least
 *    that share of the window's time (a yield storm or a blocker beside
 *    them must not take more than its own share).
 * Other roles, not judged, run beside the hogs until stop=:
 *  - role=blocker: 1 ms of CPU, then sleeps 9 ms (its timer), again;
 *  - role=yielder: sched_op yield in a loop (a yield storm).
 * And one role judged as a hog: role=sleeper sleeps until wake= ms, then
 * hogs: it must come back with no credit for the time it slept (BVT's
 * wake-up rule), or it would have the CPU to itself for a while.
 * The grader runs it with weights 1:1, 1:2:3 and 1:10, and beside a
 * blocker and a yielder; with bench=NAME the judge reports the largest
 * error as benchmark NAME (make bench: over one virtual second).
 */
#include <guest/events.h>
#include <guest/test.h>
#include <guest/time.h>
#include <lib/string.h>

const char test_title[] = "bvt_share: CPU shared by weight";

#define MAX_HOGS 6
#define MS	 1000000ull
#define SLACK_NS 100000 /* 100 us: rounding in the CPU-time accounting */

/* adv=a,b,c into adv[]; how many. */
static int parse_adv(uint32_t *adv)
{
	char s[64], *p = s;
	int n = 0;

	if (!test_arg("adv", s, sizeof(s)))
		return 0;
	while (*p && n < MAX_HOGS) {
		uint32_t v = 0;

		while (*p >= '0' && *p <= '9')
			v = v * 10 + (uint32_t)(*p++ - '0');
		adv[n++] = v;
		if (*p == ',')
			p++;
		else
			break;
	}
	return n;
}

static void judge(void)
{
	uint32_t adv[MAX_HOGS], tol = test_arg_num("tol", 10000);
	uint64_t before[MAX_HOGS], used[MAX_HOGS], total = 0, wsum = 0;
	uint64_t from = test_arg_num("from", 20) * MS;
	uint64_t to = test_arg_num("to", 220) * MS, t0, t1;
	struct dom0_op op;
	int n = parse_adv(adv);
	uint32_t worst = 0;
	char name[32];

	if (n < 2) {
		xtf_error("adv=a,b,... lists at least two hogs");
		return;
	}
	memset(&op, 0, sizeof(op));
	op.cmd = DOM0_BVTCTL;
	op.u.bvtctl.ctx_allow = test_arg_num("ctx", 5000) * 1000;
	check_eq(dom0_op(&op), 0);
	check_eq(timer_init(NULL), 0);
	events_unmask();
	sleep_until(from);
	t0 = now_ns();
	for (int i = 0; i < n; i++)
		before[i] = domain_cpu_time((uint32_t)i + 1);
	sleep_until(to);
	for (int i = 0; i < n; i++) {
		used[i] = domain_cpu_time((uint32_t)i + 1) - before[i];
		total += used[i];
		wsum += 1000000 / adv[i];
	}
	t1 = now_ns();
	check(total > 0);
	/* One CPU: the hogs cannot have run longer than the readings took
	 * (a VMM that charges one vCPU's run to another can make it seem
	 * so, and yet keep the shares within the tolerance). */
	if (total > t1 - t0 + SLACK_NS)
		xtf_failure("the hogs had %u us of CPU in %u us: more than one "
			    "CPU has",
			    ns_to_us(total), ns_to_us(t1 - t0));
	if (total && total * 1000000 < (to - from) * test_arg_num("min", 0)) {
		xtf_failure("the hogs had %u us of %u us", ns_to_us(total),
			    ns_to_us(to - from));
	}
	for (int i = 0; total && i < n; i++) {
		uint32_t got = (uint32_t)udiv64(used[i] * 1000000, total);
		uint32_t want =
			(uint32_t)udiv64(1000000ull / adv[i] * 1000000, wsum);
		uint32_t err = got > want ? got - want : want - got;

		printf("d%d mcu_adv %u: %u us, share %u ppm, weight's %u ppm\n",
		       i + 1, adv[i], ns_to_us(used[i]), got, want);
		if (err > tol)
			xtf_failure(
				"d%d: share %u ppm, %u ppm off its weight's",
				i + 1, got, err);
		if (err > worst)
			worst = err;
	}
	if (test_arg("bench", name, sizeof(name)))
		bench_report(name, worst, "ppm");
	xtf_success("shares as weighted");
}

static void hog(void)
{
	uint64_t stop = test_arg_num("stop", 240) * MS;

	spin_until(stop);
	xtf_success("hogged until %u ms", (uint32_t)udiv64(stop, MS));
}

static void blocker(void)
{
	uint64_t stop = test_arg_num("stop", 240) * MS, t;
	uint32_t rounds = 0;

	check_eq(timer_init(NULL), 0);
	events_unmask();
	for (t = now_ns(); t < stop; t = now_ns()) {
		spin_until(t + 1 * MS);
		sleep_until(t + 10 * MS);
		rounds++;
	}
	xtf_success("blocked and woke %u times", rounds);
}

static void sleeper(void)
{
	check_eq(timer_init(NULL), 0);
	events_unmask();
	sleep_until(test_arg_num("wake", 50) * MS);
	hog();
}

static void yielder(void)
{
	uint64_t stop = test_arg_num("stop", 240) * MS;
	uint32_t n = 0;

	while (now_ns() < stop) {
		check_eq(HYPERVISOR_sched_op(SCHEDOP_yield, 0), 0);
		n++;
	}
	xtf_success("yielded %u times", n);
}

void test_main(void)
{
	char role[8] = "";

	test_arg("role", role, sizeof(role));
	if (!strcmp(role, "judge"))
		judge();
	else if (!strcmp(role, "blocker"))
		blocker();
	else if (!strcmp(role, "yielder"))
		yielder();
	else if (!strcmp(role, "sleeper"))
		sleeper();
	else
		hog();
}
