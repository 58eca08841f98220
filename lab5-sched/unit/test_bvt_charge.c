/*
 * bvt_charge (exercise 6): what a run costs a vCPU. Each vCPU's state is
 * written by hand (unit_bvt.h) and, after the charge, compared with the
 * expected one field by field, so nothing may change that should not.
 * Checked:
 *  - avt grows by mcu_advance for every MCU (100 us) or part of one, per
 *    charge: 0 ns costs nothing, 1 ns and 100,000 ns one MCU, 100,001 ns
 *    two; with mcu_advance 1, 3, 10 and 1000; ten charges of 1 ns cost
 *    ten MCUs; an hour's run and a large avt without 32-bit overflow;
 *  - the parameters (mcu_advance, warp, warp_limit, unwarp_req) never
 *    change; an unwarped vCPU's warp state (warp_used, ever_unwarped,
 *    unwarped_at) does not either, even past its warp limit;
 *  - a warped vCPU: warp_used grows by the nanoseconds it ran (not by
 *    MCUs), evt = avt - warp; it unwarps exactly when warp_used reaches
 *    warp_limit, not a nanosecond earlier, or when one run goes past it:
 *    warped 0, ever_unwarped 1, unwarped_at the `now` given, evt = avt
 *    (what warp_used is after that is left open); with warp_limit 0 it
 *    never unwarps;
 *  - evt is worked out again from avt, even when it was stale.
 */
#include <stdio.h>
#include <criterion/criterion.h>
#include <vmm/bvt.h>
#include "unit_bvt.h"

#define NOW 123456789012ull /* a `now` no charge should confuse */

/* Charges b `ran` ns at `now`; b must then be *want. */
static void charge(struct bvt *b, uint64_t ran, uint64_t now,
		   const struct bvt *want, const char *what)
{
	bvt_charge(b, ran, now);
	assert_bvt(b, want, what);
}

/* b charged `mcus` MCUs, unwarped: only avt and evt change. */
static struct bvt cost(struct bvt b, uint64_t mcus)
{
	b.avt += (int64_t)(mcus * b.mcu_advance);
	bvt_update_evt(&b);
	return b;
}

Test(bvt_charge, rounds_up_to_mcus)
{
	static const struct {
		uint64_t ran, mcus;
	} runs[] = {
		{ 0, 0 },
		{ 1, 1 },
		{ 2, 1 },
		{ 99999, 1 },
		{ 100000, 1 },
		{ 100001, 2 },
		{ 199999, 2 },
		{ 200000, 2 },
		{ 200001, 3 },
		{ 5000000, 50 },
		{ 5000001, 51 },
		{ 50000000, 500 },
		{ 999999999, 10000 },
		{ 1000000000, 10000 },
	};

	for (unsigned i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		struct bvt b = unit_bvt(1000003, 10);
		struct bvt want = cost(b, runs[i].mcus);
		char what[64];

		sprintf(what, "ran %llu ns", (unsigned long long)runs[i].ran);
		charge(&b, runs[i].ran, NOW, &want, what);
	}
}

Test(bvt_charge, mcu_advance_scales)
{
	static const uint32_t advs[] = { 1, 2, 3, 10, 999, 1000 };
	static const uint64_t rans[] = { 1, 250000, 1000000000 };
	static const uint64_t mcus[] = { 1, 3, 10000 };

	for (unsigned i = 0; i < sizeof(advs) / sizeof(advs[0]); i++)
		for (unsigned j = 0; j < 3; j++) {
			struct bvt b = unit_bvt(0, advs[i]);
			struct bvt want = cost(b, mcus[j]);
			char what[64];

			sprintf(what, "mcu_advance %u, ran %llu ns", advs[i],
				(unsigned long long)rans[j]);
			charge(&b, rans[j], NOW, &want, what);
		}
}

/* Rounded up per charge: ten runs of 1 ns are ten MCUs, not one. */
Test(bvt_charge, each_charge_rounds_up)
{
	struct bvt b = unit_bvt(500, 7);
	struct bvt want = b;

	for (int i = 1; i <= 10; i++) {
		want = cost(want, 1);
		charge(&b, 1, NOW + (uint64_t)i, &want, "1 ns more");
	}
	for (int i = 1; i <= 3; i++) {
		want = cost(want, 2);
		charge(&b, 100001, NOW + 100 * (uint64_t)i, &want,
		       "100,001 ns more");
	}
	cr_assert_eq(b.avt, 500 + 16 * 7);
}

Test(bvt_charge, no_overflow)
{
	/* An hour at mcu_advance 1000: 3.6e10, past 32 bits. */
	struct bvt b = unit_bvt(0, 1000);
	struct bvt want = cost(b, 36000000);

	charge(&b, 3600000000000ull, NOW, &want, "an hour");
	cr_assert_eq(b.avt, 36000000000ll);

	/* 2^40 ns + 1: 10,995,117 MCUs (rounded up), on a large avt. */
	b = unit_bvt(1ll << 50, 1000);
	want = cost(b, 10995117);
	charge(&b, (1ull << 40) + 1, NOW, &want, "2^40 + 1 ns");
	cr_assert_eq(b.avt, (1ll << 50) + 10995117000ll);
}

/* Unwarped: the warp parameters and the last warped period's record are
 * left alone, even by a run longer than the warp limit. */
Test(bvt_charge, unwarped)
{
	struct bvt b = unit_bvt(40000, 10), want;

	b.warp = 5000;
	b.warp_limit = 1000000;
	b.unwarp_req = 3000000;
	b.warp_used = 1000000; /* the last warped period's */
	b.ever_unwarped = 1;
	b.unwarped_at = 777;
	want = cost(b, 20);
	charge(&b, 2000000, NOW, &want, "unwarped, 2 ms");
	cr_assert_eq(b.evt, b.avt, "unwarped: evt is avt");
	want = cost(b, 1);
	charge(&b, 1, NOW + 1, &want, "unwarped, 1 ns");
}

/* Warped: warp_used counts nanoseconds; evt = avt - warp meanwhile. */
Test(bvt_charge, warped_counts_ns)
{
	struct bvt b = unit_bvt_warped(1000, 10, 5000, 1000000, 0), want;

	b.unwarp_req = 3000000;
	want = cost(b, 1);
	want.warp_used = 1;
	charge(&b, 1, NOW, &want, "warped, 1 ns");
	cr_assert_eq(b.evt, 1000 + 10 - 5000, "warped: evt = avt - warp");

	/* 0 ns: no change at all. */
	charge(&b, 0, NOW + 1, &want, "warped, 0 ns");

	want = cost(b, 3);
	want.warp_used = 300000;
	charge(&b, 299999, NOW + 2, &want, "warped, 299,999 ns more");
}

/* It unwarps when warp_used reaches warp_limit: not one ns before. */
Test(bvt_charge, unwarps_at_the_limit)
{
	struct bvt b = unit_bvt_warped(0, 10, 5000, 1000000, 0), want;

	want = cost(b, 10);
	want.warp_used = 999999;
	charge(&b, 999999, NOW, &want, "warped, 1 ns short of the limit");

	want = cost(b, 1);
	want.warped = 0;
	want.ever_unwarped = 1;
	want.unwarped_at = NOW + 5;
	bvt_update_evt(&want);
	bvt_charge(&b, 1, NOW + 5);
	want.warp_used = b.warp_used; /* left open */
	assert_bvt(&b, &want, "warped, 1 ns more: at the limit");
	cr_assert_eq(b.evt, b.avt, "unwarped: evt is avt");
}

/* One run past the limit; a limit of 1 ns; a second warped period. */
Test(bvt_charge, unwarps_past_the_limit)
{
	struct bvt b = unit_bvt_warped(100, 3, 70, 1000000, 900000), want;

	b.ever_unwarped = 1; /* an earlier period */
	b.unwarped_at = 5;
	want = cost(b, 5);
	want.warped = 0;
	want.unwarped_at = NOW;
	bvt_update_evt(&want);
	bvt_charge(&b, 500000, NOW);
	want.warp_used = b.warp_used;
	assert_bvt(&b, &want, "900,000 ns used, 500,000 more");

	b = unit_bvt_warped(100, 3, 70, 1, 0);
	want = b;
	charge(&b, 0, NOW, &want, "warp_limit 1, 0 ns");
	want = cost(b, 1);
	want.warped = 0;
	want.ever_unwarped = 1;
	want.unwarped_at = NOW + 1;
	bvt_update_evt(&want);
	bvt_charge(&b, 1, NOW + 1);
	want.warp_used = b.warp_used;
	assert_bvt(&b, &want, "warp_limit 1, 1 ns");
}

/* warp_limit 0: no limit, warped for as long as it runs. */
Test(bvt_charge, no_limit_never_unwarps)
{
	struct bvt b = unit_bvt_warped(0, 10, 5000, 0, 0);

	for (int i = 1; i <= 20; i++) {
		bvt_charge(&b, 1000000000, NOW + (uint64_t)i * 1000000000);
		cr_assert(b.warped, "warp_limit 0: unwarped after %d s", i);
		cr_assert_eq(b.ever_unwarped, 0);
		cr_assert_eq(b.unwarped_at, 0);
		cr_assert_eq(b.avt, (int64_t)i * 100000);
		cr_assert_eq(b.evt, b.avt - 5000);
		/* counted all the same: a limit set later starts from it */
		cr_assert_eq(
			b.warp_used, (uint64_t)i * 1000000000,
			"warped without a limit: warp_used %llu, want %llu",
			(unsigned long long)b.warp_used,
			(unsigned long long)i * 1000000000);
	}
}

/* evt is worked out from avt, whatever it was. */
Test(bvt_charge, stale_evt)
{
	struct bvt b = unit_bvt(300, 10), want = b;

	b.evt = 424242;
	charge(&b, 0, NOW, &want, "unwarped, evt stale, 0 ns");

	b = unit_bvt_warped(300, 10, 1000, 1000000, 10);
	want = b;
	b.evt = 300;
	charge(&b, 0, NOW, &want, "warped, evt stale, 0 ns");
	cr_assert_eq(b.evt, -700);
}
