/*
 * BVT's decisions together (exercises 6, 7 and 8: bvt_charge, bvt_pick,
 * bvt_wake), on simulated time, driven as vmm/sched_bvt.c drives them:
 * each vCPU is woken (bvt_wake, svt the lowest avt of those already
 * runnable), then over and over the pick (q in the order the vCPUs last
 * ran, least recent first), a run for the whole slice, and the charge
 * for it, with the default context-switch allowance. They add up to
 * proportional sharing. Checked, over one simulated second:
 *  - vCPUs always runnable with mcu_advance 6, 3 and 2 (weights 1:2:3)
 *    get 1/6, 2/6 and 3/6 of the CPU, each within 1% of the second;
 *    with 1:1, halves; with 1:10 (mcu_advance 10 and 1), 1/11 and
 *    10/11;
 *  - a vCPU that sleeps gets no credit for it: of two equal ones, one
 *    blocks for 400 ms while the other runs alone; woken (avt raised to
 *    svt), it shares the rest of the second half and half, within 1%
 *    of the second, rather than taking it all.
 */
#include <criterion/criterion.h>
#include <vmm/bvt.h>

#define NMAX 4
#define MS   1000000ull
#define SEC  1000000000ull

struct sim {
	int n;
	struct bvt b[NMAX];
	int runnable[NMAX];
	int order[NMAX]; /* least recently run first */
	uint64_t cpu[NMAX];
	uint64_t now;
};

static const struct bvt_params params = { .ctx_allow = BVT_CTX_ALLOW_NS };

/* System virtual time: the lowest avt of the runnable vCPUs, 0 if none
 * is (vmm/sched_bvt.c's svt). */
static int64_t svt(const struct sim *s)
{
	int64_t v = 0;
	int any = 0;

	for (int i = 0; i < s->n; i++)
		if (s->runnable[i] && (!any || s->b[i].avt < v)) {
			v = s->b[i].avt;
			any = 1;
		}
	return v;
}

static void wake(struct sim *s, int i)
{
	bvt_wake(&s->b[i], svt(s), s->now);
	s->runnable[i] = 1;
}

/* n vCPUs with these mcu_advances, woken one by one at time 0. */
static void sim_init(struct sim *s, int n, const uint32_t *adv)
{
	*s = (struct sim){ .n = n };
	for (int i = 0; i < n; i++) {
		bvt_init(&s->b[i]);
		s->b[i].mcu_advance = adv[i];
		s->order[i] = i;
	}
	for (int i = 0; i < n; i++)
		wake(s, i);
}

/* One scheduling decision: picks among the runnable vCPUs, runs the
 * pick for its slice (no further than `until`), charges it. Returns who
 * ran. */
static int step(struct sim *s, uint64_t until)
{
	struct bvt *q[NMAX];
	int who[NMAX], m = 0, i, k;
	uint64_t slice, ran;

	for (k = 0; k < s->n; k++)
		if (s->runnable[s->order[k]]) {
			who[m] = s->order[k];
			q[m++] = &s->b[s->order[k]];
		}
	cr_assert(m > 0);
	k = bvt_pick(q, m, &params, &slice);
	cr_assert(k >= 0 && k < m);
	i = who[k];
	cr_assert(slice >= BVT_MCU_NS && slice <= BVT_SLICE_MAX_NS);
	ran = slice < until - s->now ? slice : until - s->now;
	s->now += ran;
	s->cpu[i] += ran;
	bvt_charge(&s->b[i], ran, s->now);
	/* To the end of the order: it ran last. */
	for (k = 0; s->order[k] != i; k++)
		;
	for (; k < s->n - 1; k++)
		s->order[k] = s->order[k + 1];
	s->order[s->n - 1] = i;
	return i;
}

static void run(struct sim *s, uint64_t until)
{
	while (s->now < until)
		step(s, until);
}

/* cpu[i] of `total` is num/den of it, within 1% of `total`. */
static void assert_share(int i, uint64_t cpu, uint64_t total, double num,
			 double den, const char *what)
{
	double share = (double)cpu / (double)total;

	cr_assert(share > num / den - 0.01 && share < num / den + 0.01,
		  "%s: vCPU %d got %.4f of the CPU (%llu ns), want %.4f", what,
		  i, share, (unsigned long long)cpu, num / den);
}

/* Always runnable, with these mcu_advances and weights. */
static void shares(int n, const uint32_t *adv, const double *weight,
		   const char *what)
{
	struct sim s;
	double sum = 0;

	sim_init(&s, n, adv);
	run(&s, SEC);
	for (int i = 0; i < n; i++)
		sum += weight[i];
	for (int i = 0; i < n; i++) {
		assert_share(i, s.cpu[i], SEC, weight[i], sum, what);
	}
}

Test(bvt_share, three_weights)
{
	static const uint32_t adv[] = { 6, 3, 2 };
	static const double w[] = { 1, 2, 3 };

	shares(3, adv, w, "6:3:2");
}

Test(bvt_share, equal)
{
	static const uint32_t adv[] = { 10, 10 };
	static const double w[] = { 1, 1 };

	shares(2, adv, w, "1:1");
}

Test(bvt_share, one_to_ten)
{
	static const uint32_t adv[] = { 10, 1 };
	static const double w[] = { 1, 10 };

	shares(2, adv, w, "1:10");
}

/* No credit for sleeping. */
Test(bvt_share, sleeper)
{
	static const uint32_t adv[] = { 10, 10 };
	struct sim s;
	uint64_t a0, b0;

	sim_init(&s, 2, adv);
	run(&s, 100 * MS);
	s.runnable[0] = 0; /* blocks */
	run(&s, 500 * MS);
	a0 = s.cpu[0];
	b0 = s.cpu[1];
	wake(&s, 0);
	run(&s, SEC);
	assert_share(0, s.cpu[0] - a0, SEC, 1, 4, "after the sleep");
	assert_share(1, s.cpu[1] - b0, SEC, 1, 4, "after the sleep");
}
