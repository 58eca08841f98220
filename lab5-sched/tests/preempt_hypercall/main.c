/*
 * preempt_hypercall (hostile; exercises 2, 6, 7, 8): a domain that lives
 * inside the longest hypercall it can make gets its share of the CPU and
 * no more, and its slice, not the size of its request, bounds each stay.
 * Three domains from this image:
 *  - role=judge (domain 0) sets a context-switch allowance of 200 us
 *    (ctx=), sleeps until 20 ms, reads the others' CPU time, sleeps until
 *    220 ms, reads again: each must have had half of what both had
 *    (within tol= ppm, default 10000);
 *  - role=caller (domain 1) makes multicalls of ENTRIES xen_version
 *    entries, back to back, until 230 ms: each is millions of
 *    instructions, continued (lab 4) many times; it stops before the
 *    hog does, so that it never runs alone (alone, its slice is 50 ms
 *    and lab 4's budget ends its stays);
 *  - role=hog (domain 2) spins until 240 ms.
 * The grader checks domain 1's longest stay in the VMM: far below the
 * 1,000,000-tick budget of lab 4, because a continuation is also taken
 * as soon as the timer that ends the slice is due.
 */
#include <guest/events.h>
#include <guest/hypercall_events.h>
#include <guest/test.h>
#include <guest/time.h>
#include <lib/string.h>

const char test_title[] =
	"preempt_hypercall: long hypercalls keep to the slice";

#define MS	1000000ull
#define ENTRIES 16384 /* 16384 * ~140 instructions: > 2 million */

static struct multicall_entry calls[ENTRIES];

static void caller(void)
{
	uint32_t n = 0;

	for (int i = 0; i < ENTRIES; i++) {
		calls[i].op = __HYPERVISOR_xen_version;
		calls[i].args[0] = XENVER_version;
	}
	while (now_ns() < 230 * MS) {
		check_eq(HYPERVISOR_multicall(calls, ENTRIES), 0);
		check(calls[ENTRIES - 1].result > 0);
		calls[ENTRIES - 1].result = 0;
		n++;
	}
	xtf_success("%u multicalls of %u entries", n, ENTRIES);
}

static void judge(void)
{
	uint32_t tol = test_arg_num("tol", 10000), share, err;
	uint64_t a0, b0, a, b;
	struct dom0_op op;

	memset(&op, 0, sizeof(op));
	op.cmd = DOM0_BVTCTL;
	op.u.bvtctl.ctx_allow = test_arg_num("ctx", 200) * 1000;
	check_eq(dom0_op(&op), 0);
	check_eq(timer_init(NULL), 0);
	events_unmask();
	sleep_until(20 * MS);
	a0 = domain_cpu_time(1);
	b0 = domain_cpu_time(2);
	sleep_until(220 * MS);
	a = domain_cpu_time(1) - a0;
	b = domain_cpu_time(2) - b0;
	check(a + b > 0);
	share = a + b ? (uint32_t)udiv64(a * 1000000, a + b) : 0;
	err = share > 500000 ? share - 500000 : 500000 - share;
	printf("caller %u us, hog %u us: the caller's share %u ppm\n",
	       ns_to_us(a), ns_to_us(b), share);
	if (err > tol)
		xtf_failure("the caller's share is %u ppm off half", err);
	xtf_success("shares kept beside long hypercalls");
}

void test_main(void)
{
	char role[8] = "";

	test_arg("role", role, sizeof(role));
	if (!strcmp(role, "judge"))
		judge();
	else if (!strcmp(role, "caller"))
		caller();
	else {
		spin_until(240 * MS);
		xtf_success("hogged");
	}
}
