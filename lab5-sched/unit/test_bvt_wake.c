/*
 * bvt_wake (exercise 8): a blocked vCPU wakes up. Its state is written by
 * hand (unit_bvt.h), as bvt_charge would have left it, and compared
 * after the wake with the expected one field by field: the parameters
 * and the record of the last warped period (ever_unwarped, unwarped_at)
 * never change. Checked:
 *  - avt = max(avt, svt): raised to svt when below (no credit for the
 *    time asleep), kept when above or equal; negative values and ones
 *    past 32 bits;
 *  - avt is what is raised, not evt: a vCPU that warps is svt - warp;
 *  - an unwarped vCPU with a warp warps: warped 1, warp_used 0 (it was
 *    the last period's), evt = avt - warp;
 *  - unless it unwarped less than unwarp_req ago: 1 ns short of it, it
 *    does not warp (evt = avt); at exactly unwarp_req, and later, it
 *    does; with unwarp_req 0, at once; a vCPU that never unwarped has
 *    no requirement to serve, whatever unwarped_at says;
 *  - a vCPU still warped (it blocked warped) stays so, warp_used as it
 *    was: blocking does not renew the limit;
 *  - warp 0: it never warps;
 *  - evt is worked out again from avt, even when it was stale.
 * (warp_used of a vCPU that wakes unwarped is left open.)
 */
#include <criterion/criterion.h>
#include <vmm/bvt.h>
#include "unit_bvt.h"

#define MS 1000000ull
#define T0 5000000000ull /* when the last warped period ended */

/* A vCPU as bvt_charge leaves it when its warp limit runs out at T0:
 * warp 2000, warp_limit 5 ms, unwarp_req 20 ms. */
static struct bvt unwarped(int64_t avt)
{
	struct bvt b = unit_bvt(avt, 10);

	b.warp = 2000;
	b.warp_limit = 5 * MS;
	b.unwarp_req = 20 * MS;
	b.warp_used = 5 * MS;
	b.ever_unwarped = 1;
	b.unwarped_at = T0;
	bvt_update_evt(&b);
	return b;
}

/* b woken at `now` with svt must be *want; warp_used is left open unless
 * want warped. */
static void wake(struct bvt *b, int64_t svt, uint64_t now, struct bvt want,
		 const char *what)
{
	bvt_wake(b, svt, now);
	if (!want.warped)
		want.warp_used = b->warp_used;
	assert_bvt(b, &want, what);
}

/* A vCPU that never warps: only avt (and evt) may change. */
Test(bvt_wake, avt_raised_to_svt)
{
	static const struct {
		int64_t avt, svt, want;
	} cases[] = {
		{ 100, 500, 500 },
		{ 900, 500, 900 },
		{ 500, 500, 500 },
		{ 0, 1, 1 },
		{ 1, 0, 1 },
		{ 50, -100, 50 },
		{ -200, -100, -100 },
		{ -50, -100, -50 },
		{ -100, 0, 0 },
		{ 1ll << 40, (1ll << 40) + 1, (1ll << 40) + 1 },
		{ (1ll << 40) + 1, 1ll << 40, (1ll << 40) + 1 },
		{ 5, 1ll << 33, 1ll << 33 },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct bvt b = unit_bvt(cases[i].avt, 10);
		struct bvt want = unit_bvt(cases[i].want, 10);

		bvt_wake(&b, cases[i].svt, T0);
		cr_assert_eq(b.avt, cases[i].want, "avt %lld, svt %lld",
			     (long long)cases[i].avt, (long long)cases[i].svt);
		assert_bvt(&b, &want, "warp 0");
	}
}

/* An unwarped vCPU with a warp, that never unwarped: it warps. */
Test(bvt_wake, warps)
{
	struct bvt b = unit_bvt(1000, 10), want;

	b.warp = 2000;
	b.warp_limit = 5 * MS;
	b.unwarp_req = 20 * MS;
	b.warp_used = 4321; /* stale */
	want = b;
	want.warped = 1;
	want.warp_used = 0;
	bvt_update_evt(&want);
	wake(&b, 500, T0, want, "never unwarped, avt above svt");
	cr_assert_eq(b.evt, 1000 - 2000);
}

/* The clamp is on avt: a vCPU that warps on waking runs at svt - warp,
 * not at svt. */
Test(bvt_wake, clamps_avt_not_evt)
{
	struct bvt b = unit_bvt(100, 10), want;

	b.warp = 2000;
	want = b;
	want.avt = 1000;
	want.warped = 1;
	bvt_update_evt(&want);
	wake(&b, 1000, T0, want, "avt below svt, warps");
	cr_assert_eq(b.evt, 1000 - 2000);
}

/* Serving unwarp_req: no warp until unwarp_req after it unwarped. */
Test(bvt_wake, unwarp_req)
{
	static const struct {
		uint64_t after;
		int warps;
	} cases[] = {
		{ 0, 0 },	  { 1, 0 },
		{ 10 * MS, 0 },	  { 20 * MS - 1, 0 },
		{ 20 * MS, 1 },	  { 20 * MS + 1, 1 },
		{ 1000 * MS, 1 }, { 3600000 * MS, 1 },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct bvt b = unwarped(300), want = b;

		if (cases[i].warps) {
			want.warped = 1;
			want.warp_used = 0;
		}
		bvt_update_evt(&want);
		bvt_wake(&b, 200, T0 + cases[i].after);
		if (!want.warped)
			want.warp_used = b.warp_used;
		cr_assert_eq(b.warped, cases[i].warps,
			     "woken %llu ns after it unwarped (unwarp_req 20 "
			     "ms): warped %d",
			     (unsigned long long)cases[i].after, b.warped);
		assert_bvt(&b, &want, "unwarp_req");
	}
}

/* unwarp_req 0: no requirement; never unwarped: none either. */
Test(bvt_wake, no_requirement)
{
	struct bvt b = unwarped(300), want;

	b.unwarp_req = 0;
	want = b;
	want.warped = 1;
	want.warp_used = 0;
	bvt_update_evt(&want);
	wake(&b, 0, T0, want, "unwarp_req 0, woken as it unwarped");

	b = unwarped(300);
	b.ever_unwarped = 0; /* unwarped_at means nothing */
	want = b;
	want.warped = 1;
	want.warp_used = 0;
	bvt_update_evt(&want);
	wake(&b, 0, T0 + 1, want, "never unwarped, unwarped_at recent");
}

/* Still warped: stays so, its warp_used kept (blocking does not renew
 * the limit); avt still raised to svt. */
Test(bvt_wake, still_warped)
{
	struct bvt b = unit_bvt_warped(700, 10, 2000, 5 * MS, 3 * MS), want;

	b.unwarp_req = 20 * MS;
	b.ever_unwarped = 1; /* an earlier period, long ago */
	b.unwarped_at = 1000;
	want = b;
	wake(&b, 600, T0, want, "still warped, avt above svt");
	cr_assert_eq(b.warp_used, 3 * MS);
	cr_assert_eq(b.evt, 700 - 2000);

	want.avt = 900;
	bvt_update_evt(&want);
	wake(&b, 900, T0 + 1, want, "still warped, avt below svt");
	cr_assert_eq(b.evt, 900 - 2000);

	/* No warp limit: the same. */
	b = unit_bvt_warped(0, 10, 2000, 0, 77 * MS);
	want = b;
	wake(&b, 0, T0, want, "still warped, no limit");
}

/* warp 0: never warped, whatever else. */
Test(bvt_wake, warp_zero)
{
	struct bvt b = unit_bvt(100, 10), want;

	b.warp_limit = 5 * MS;
	want = b;
	wake(&b, 0, T0, want, "warp 0, never unwarped");
	cr_assert_eq(b.warped, 0);

	b = unwarped(100);
	b.warp = 0;
	want = b;
	want.avt = 150;
	bvt_update_evt(&want);
	wake(&b, 150, T0 + 1000 * MS, want, "warp 0, unwarp_req served");
	cr_assert_eq(b.warped, 0);
}

/* evt is worked out from avt, whatever it was. */
Test(bvt_wake, stale_evt)
{
	struct bvt b = unit_bvt(300, 10), want = b;

	b.evt = -424242;
	wake(&b, 0, T0, want, "warp 0, evt stale");

	b = unwarped(300);
	want = b;
	b.evt = 123456;
	wake(&b, 0, T0 + 1, want, "serving unwarp_req, evt stale");
	cr_assert_eq(b.evt, 300);
}
