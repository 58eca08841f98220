/*
 * bvt_pick (exercise 7): which runnable vCPU runs next, and for how
 * long. The vCPUs' states are written by hand (unit_bvt.h: evt from avt
 * and the warp), so nothing here needs bvt_charge or bvt_wake; every
 * pick is checked to leave q and every vCPU in it exactly as they were.
 * Checked:
 *  - the lowest evt wins, wherever it is in q; evt, not avt (a warped
 *    vCPU runs ahead); on a tie, the first in q of the tied ones;
 *  - the slice: ceil((evt2 - evt1) / mcu_advance) MCUs + ctx_allow,
 *    with evt2 the next lowest evt (before or after the pick in q, and
 *    equal to the lowest on a tie) and the pick's own mcu_advance;
 *    ctx_allow from the parameters given, 0 included;
 *  - n = 1: BVT_SLICE_MAX_NS, whatever ctx_allow;
 *  - never more than BVT_SLICE_MAX_NS (50 ms), never less than
 *    BVT_MCU_NS (100 us); exactly 50 ms is not cut;
 *  - a warped pick with a warp limit: the slice is cut to what is left
 *    of the limit (still at least one MCU); not when that is longer,
 *    nor with warp_limit 0, nor for an unwarped pick (its warp_used
 *    stale), nor because some other vCPU is warped;
 *  - random queues (a fixed seed) against a plain two-pass model.
 */
#include <stdio.h>
#include <string.h>
#include <criterion/criterion.h>
#include <vmm/bvt.h>
#include "unit_bvt.h"

#define QMAX 8
#define MCU  BVT_MCU_NS
#define MS   1000000ull

/* bvt_pick over b[0..n-1] (q in that order) with ctx_allow `ctx`; checks
 * that q and the vCPUs are left unchanged. Returns the pick. */
static int pick(struct bvt *b, int n, uint32_t ctx, uint64_t *slice)
{
	struct bvt *q[QMAX], *q0[QMAX];
	struct bvt saved[QMAX];
	struct bvt_params g = { .ctx_allow = ctx };
	int i;

	cr_assert(n >= 1 && n <= QMAX);
	for (int k = 0; k < n; k++)
		q[k] = &b[k];
	memcpy(q0, q, sizeof(q));
	memcpy(saved, b, n * sizeof(*b));
	*slice = 0xDEAD;
	i = bvt_pick(q, n, &g, slice);
	cr_assert(i >= 0 && i < n, "picked %d of %d", i, n);
	cr_assert(!memcmp(q0, q, n * sizeof(q[0])), "q changed");
	for (int k = 0; k < n; k++) {
		char what[48];

		sprintf(what, "q[%d] after the pick", k);
		assert_bvt(&b[k], &saved[k], what);
	}
	return i;
}

/* Unwarped vCPUs with these evts (= avts), all with mcu_advance adv. */
static void fill(struct bvt *b, const int64_t *evt, int n, uint32_t adv)
{
	for (int k = 0; k < n; k++)
		b[k] = unit_bvt(evt[k], adv);
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The lowest evt, wherever it is in q. */
Test(bvt_pick, lowest_evt_wins)
{
	struct bvt b[5];
	uint64_t s;

	for (int at = 0; at < 5; at++) {
		int64_t evt[5];

		for (int k = 0; k < 5; k++)
			evt[k] = 1000 + 100 * ((k + 3 * at) % 5) + 1;
		evt[at] = 1000;
		fill(b, evt, 5, 10);
		cr_assert_eq(pick(b, 5, BVT_CTX_ALLOW_NS, &s), at,
			     "lowest evt at q[%d]", at);
	}

	/* Negative and large evts. */
	{
		int64_t evt[] = { 5, -3, 1ll << 40, -2, 0 };

		fill(b, evt, 5, 10);
		cr_assert_eq(pick(b, 5, BVT_CTX_ALLOW_NS, &s), 1);
	}
	{
		int64_t evt[] = { (1ll << 40) + 1, 1ll << 40, (1ll << 40) + 2 };

		fill(b, evt, 3, 10);
		cr_assert_eq(pick(b, 3, BVT_CTX_ALLOW_NS, &s), 1);
	}
}

/* evt, not avt: a warped vCPU runs ahead of one with a lower avt. */
Test(bvt_pick, evt_not_avt)
{
	struct bvt b[3];
	uint64_t s;

	b[0] = unit_bvt(100, 10);
	b[1] = unit_bvt_warped(150, 10, 100, 0, 0); /* evt 50 */
	b[2] = unit_bvt(120, 10);
	cr_assert_eq(pick(b, 3, BVT_CTX_ALLOW_NS, &s), 1);
	/* gap 100 - 50, at mcu_advance 10: 5 MCUs. */
	cr_assert_eq(s, 5 * MCU + BVT_CTX_ALLOW_NS);

	b[1] = unit_bvt_warped(150, 10, 40, 0, 0); /* evt 110 */
	cr_assert_eq(pick(b, 3, BVT_CTX_ALLOW_NS, &s), 0);
	/* gap 110 - 100: 1 MCU. */
	cr_assert_eq(s, 1 * MCU + BVT_CTX_ALLOW_NS);
}

/* A tie goes to the first in q (the least recent to have run); the gap
 * to the next lowest is then 0. */
Test(bvt_pick, ties_go_to_the_first)
{
	static const struct {
		int64_t evt[4];
		int n, want;
	} cases[] = {
		{ { 10, 10 }, 2, 0 },	      { { 7, 7, 7 }, 3, 0 },
		{ { 50, 10, 30, 10 }, 4, 1 }, { { 20, 5, 5, 5 }, 4, 1 },
		{ { 9, 8, 9, 8 }, 4, 1 },     { { 30, 20, 10, 10 }, 4, 2 },
		{ { -4, -4, -5, -5 }, 4, 2 },
	};

	for (int c = 0; c < N(cases); c++) {
		struct bvt b[4];
		uint64_t s;

		fill(b, cases[c].evt, cases[c].n, 10);
		cr_assert_eq(pick(b, cases[c].n, 1234567, &s), cases[c].want,
			     "tie case %d", c);
		cr_assert_eq(s, 1234567, "tie case %d: slice", c);
	}
}

/* ceil(gap / mcu_advance) MCUs + ctx_allow, with the pick's mcu_advance
 * (the others' differ) and the next lowest evt wherever it is. */
Test(bvt_pick, slice)
{
	static const struct {
		int64_t evt[5];
		int n;
		uint32_t adv; /* the pick's */
		int want;
		uint64_t mcus;
	} cases[] = {
		{ { 0, 1 }, 2, 10, 0, 1 },
		{ { 0, 10 }, 2, 10, 0, 1 },
		{ { 0, 11 }, 2, 10, 0, 2 },
		{ { 0, 100 }, 2, 10, 0, 10 },
		{ { 0, 101 }, 2, 10, 0, 11 },
		{ { 0, 10 }, 2, 3, 0, 4 },
		{ { 0, 9 }, 2, 3, 0, 3 },
		{ { 0, 400 }, 2, 1, 0, 400 },
		{ { 0, 399999 }, 2, 1000, 0, 400 },
		{ { 30, 50, 10, 20, 45 }, 5, 10, 2, 1 }, /* next after it */
		{ { 20, 50, 10, 30 }, 4, 10, 2, 1 },	 /* next before it */
		{ { 10, 50, 40, 31 }, 4, 10, 0, 3 },	 /* the last */
		{ { 10, 12, 11 }, 3, 1, 0, 1 },		 /* q[2], not q[1] */
		{ { 12, 11, 10 }, 3, 1, 2, 1 },		 /* falling */
		{ { 40, 10, 30, 20 }, 4, 10, 1, 1 },	 /* second is q[3] */
		{ { 500, 400, 300, 200, 100 }, 5, 7, 4, 15 }, /* ceil(100/7) */
		{ { -100, 100 }, 2, 10, 0, 20 },
	};

	for (int c = 0; c < N(cases); c++) {
		struct bvt b[5];
		uint64_t s;
		int w = cases[c].want;

		/* Every other vCPU has mcu_advance 1: only the pick's
		 * counts. */
		fill(b, cases[c].evt, cases[c].n, 1);
		b[w].mcu_advance = cases[c].adv;
		cr_assert_eq(pick(b, cases[c].n, 2 * MS, &s), w, "case %d", c);
		cr_assert_eq(s, cases[c].mcus * MCU + 2 * MS,
			     "case %d: slice %llu, want %llu MCUs + 2 ms", c,
			     (unsigned long long)s,
			     (unsigned long long)cases[c].mcus);
	}
}

/* ctx_allow 0: the slice is the MCUs alone, at least one. */
Test(bvt_pick, no_ctx_allow)
{
	int64_t evt[] = { 0, 25 };
	struct bvt b[2];
	uint64_t s;

	fill(b, evt, 2, 10);
	cr_assert_eq(pick(b, 2, 0, &s), 0);
	cr_assert_eq(s, 3 * MCU);
	b[1] = unit_bvt(0, 10);
	cr_assert_eq(pick(b, 2, 0, &s), 0);
	cr_assert_eq(s, MCU, "gap 0, ctx_allow 0: one MCU");
	cr_assert_eq(pick(b, 2, 1, &s), 0);
	cr_assert_eq(s, MCU, "gap 0, ctx_allow 1 ns: one MCU");
	cr_assert_eq(pick(b, 2, MCU + 1, &s), 0);
	cr_assert_eq(s, MCU + 1);
}

/* Alone: the longest slice there is, whatever ctx_allow. */
Test(bvt_pick, alone)
{
	static const uint32_t ctxs[] = { 0, 1, BVT_CTX_ALLOW_NS, 60 * MS };
	struct bvt b[1];
	uint64_t s;

	for (int i = 0; i < N(ctxs); i++) {
		b[0] = unit_bvt(-77, 10);
		cr_assert_eq(pick(b, 1, ctxs[i], &s), 0);
		cr_assert_eq(s, BVT_SLICE_MAX_NS, "alone, ctx_allow %u",
			     ctxs[i]);
		b[0] = unit_bvt(1ll << 40, 1);
		cr_assert_eq(pick(b, 1, ctxs[i], &s), 0);
		cr_assert_eq(s, BVT_SLICE_MAX_NS);
	}
}

/* At most BVT_SLICE_MAX_NS. */
Test(bvt_pick, at_most_the_max)
{
	struct bvt b[2];
	uint64_t s;

	/* 450 MCUs + 5 ms: 50 ms exactly, not cut. */
	b[0] = unit_bvt(0, 10);
	b[1] = unit_bvt(4500, 10);
	cr_assert_eq(pick(b, 2, 5 * MS, &s), 0);
	cr_assert_eq(s, 50 * MS);
	/* 451 MCUs + 5 ms. */
	b[1] = unit_bvt(4501, 10);
	cr_assert_eq(pick(b, 2, 5 * MS, &s), 0);
	cr_assert_eq(s, BVT_SLICE_MAX_NS);
	/* A huge gap. */
	b[0] = unit_bvt(-(1ll << 40), 1);
	b[1] = unit_bvt(1ll << 40, 1);
	cr_assert_eq(pick(b, 2, 5 * MS, &s), 0);
	cr_assert_eq(s, BVT_SLICE_MAX_NS);
	/* ctx_allow alone longer than the max. */
	b[1] = unit_bvt(-(1ll << 40), 1);
	cr_assert_eq(pick(b, 2, 60 * MS, &s), 0);
	cr_assert_eq(s, BVT_SLICE_MAX_NS);
}

/* A warped pick's slice ends when its warp limit runs out. */
Test(bvt_pick, warp_limit_cuts)
{
	struct bvt b[3];
	uint64_t s;

	/* 20 ms by the gap, 3 ms left of the limit. */
	b[0] = unit_bvt(1000, 10);
	b[1] = unit_bvt_warped(1000, 10, 1500, 10 * MS, 7 * MS);
	b[2] = unit_bvt(1000, 10);
	cr_assert_eq(pick(b, 3, 5 * MS, &s), 1);
	cr_assert_eq(s, 3 * MS, "3 ms left of the warp limit");
	/* 2.1 ms by the gap: shorter than what is left. */
	b[1] = unit_bvt_warped(1000, 10, 10, 10 * MS, 7 * MS);
	cr_assert_eq(pick(b, 3, 2 * MS, &s), 1);
	cr_assert_eq(s, MCU + 2 * MS);
	/* Just as long. */
	b[1] = unit_bvt_warped(1000, 10, 10, 10 * MS, 8 * MS - MCU);
	cr_assert_eq(pick(b, 3, 2 * MS, &s), 1);
	cr_assert_eq(s, MCU + 2 * MS);
	/* 1 ns left: still one MCU. */
	b[1] = unit_bvt_warped(1000, 10, 150, 10 * MS, 10 * MS - 1);
	cr_assert_eq(pick(b, 3, 5 * MS, &s), 1);
	cr_assert_eq(s, MCU);
	/* Alone: the limit, not 50 ms. */
	b[0] = unit_bvt_warped(0, 10, 150, 10 * MS, 6 * MS);
	cr_assert_eq(pick(b, 1, 5 * MS, &s), 0);
	cr_assert_eq(s, 4 * MS,
		     "alone and warped: the slice is %llu ns, want the 4 ms "
		     "left of its warp limit (the cut applies to a lone vCPU "
		     "too)",
		     (unsigned long long)s);
	/* Alone with a whole second left: 50 ms. */
	b[0] = unit_bvt_warped(0, 10, 150, 1000 * MS, 0);
	cr_assert_eq(pick(b, 1, 5 * MS, &s), 0);
	cr_assert_eq(s, BVT_SLICE_MAX_NS);
}

/* No cut: no warp limit; an unwarped pick (its warp_used is the last
 * period's); a warped vCPU that is not the pick. */
Test(bvt_pick, warp_limit_no_cut)
{
	struct bvt b[2];
	uint64_t s;

	b[0] = unit_bvt_warped(0, 10, 150, 0, 7 * MS);
	cr_assert_eq(pick(b, 1, 5 * MS, &s), 0);
	cr_assert_eq(s, BVT_SLICE_MAX_NS, "warp_limit 0");

	b[0] = unit_bvt(0, 10);
	b[0].warp = 150;
	b[0].warp_limit = 10 * MS;
	b[0].warp_used = 10 * MS - 1;
	cr_assert_eq(pick(b, 1, 5 * MS, &s), 0);
	cr_assert_eq(s, BVT_SLICE_MAX_NS, "unwarped, warp_used stale");

	b[0] = unit_bvt(0, 10);
	b[1] = unit_bvt_warped(200, 10, 100, 10 * MS, 10 * MS - 1);
	cr_assert_eq(pick(b, 2, 5 * MS, &s), 0);
	cr_assert_eq(s, 10 * MCU + 5 * MS, "the other one warped");
}

/* ---- random queues against a model ---- */

static uint64_t rnd_state = 0x2545F4914F6CDD1Dull;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 0x2545F4914F6CDD1Dull;
}

/* The contract in bvt.h, as plainly as it can be written. */
static int model(struct bvt *b, int n, uint32_t ctx, uint64_t *slice)
{
	int best = 0;
	int64_t next = INT64_MAX;
	uint64_t s;

	for (int k = 1; k < n; k++)
		if (b[k].evt < b[best].evt)
			best = k;
	for (int k = 0; k < n; k++)
		if (k != best && b[k].evt < next)
			next = b[k].evt;
	if (n == 1) {
		s = BVT_SLICE_MAX_NS;
	} else {
		uint64_t gap = (uint64_t)(next - b[best].evt);
		uint64_t adv = b[best].mcu_advance;

		s = (gap + adv - 1) / adv * MCU + ctx;
	}
	if (b[best].warped && b[best].warp_limit &&
	    b[best].warp_limit - b[best].warp_used < s)
		s = b[best].warp_limit - b[best].warp_used;
	if (s > BVT_SLICE_MAX_NS)
		s = BVT_SLICE_MAX_NS;
	if (s < MCU)
		s = MCU;
	*slice = s;
	return best;
}

Test(bvt_pick, random)
{
	for (int t = 0; t < 20000; t++) {
		struct bvt b[QMAX];
		int n = 1 + (int)(rnd() % QMAX);
		/* A small range of avts makes ties. */
		int64_t span = (t % 2) ? 20 : 100000;
		uint32_t ctx = (uint32_t)(rnd() % (8 * MS));
		uint64_t s, want_s;
		int want;

		for (int k = 0; k < n; k++) {
			uint32_t adv = 1 + (uint32_t)(rnd() % 1000);
			int64_t avt = (int64_t)(rnd() % span) - span / 4;

			if (rnd() % 4 == 0) {
				uint64_t lim =
					(rnd() % 3) * (rnd() % (60 * MS));

				b[k] = unit_bvt_warped(
					avt, adv, (uint32_t)(rnd() % span), lim,
					lim ? rnd() % lim : rnd() % (60 * MS));
			} else {
				b[k] = unit_bvt(avt, adv);
			}
		}
		want = model(b, n, ctx, &want_s);
		cr_assert_eq(pick(b, n, ctx, &s), want, "random queue %d", t);
		cr_assert_eq(s, want_s, "random queue %d: slice", t);
	}
}

/* Virtual times past 32 bits, across 2^31 and 2^32, and negative: an
 * evt compared as an int (or an i386 long) picks the wrong vCPU once its
 * domain has run long enough. */
Test(bvt_pick, evts_past_32_bits)
{
	static const int64_t cases[][2] = {
		{ (1ll << 31) - 1, 1ll << 31 },
		{ (1ll << 32) + 5, (1ll << 32) - 5 },
		{ -(1ll << 31) - 3, (1ll << 31) - 3 },
	};
	static const int want[] = { 0, 1, 0 };

	for (int c = 0; c < 3; c++) {
		struct bvt b[2];
		uint64_t s;
		int got;

		fill(b, cases[c], 2, 10);
		got = pick(b, 2, 0, &s);
		cr_assert_eq(got, want[c],
			     "evts %lld and %lld: picked %d, want %d (the "
			     "lower evt, compared in 64 bits)",
			     (long long)cases[c][0], (long long)cases[c][1],
			     got, want[c]);
	}
}
