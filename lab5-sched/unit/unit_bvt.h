/*
 * Shared by lab 5's BVT unit tests: a struct bvt written by hand (so that
 * a test of one exercise needs no other's code), and compared field by
 * field with the one a test expects, the first difference named.
 */
#ifndef UNIT_BVT_H
#define UNIT_BVT_H

#include <stdint.h>
#include <criterion/criterion.h>
#include <vmm/bvt.h>

/* bvt_init's defaults with this avt and mcu_advance; evt follows. */
static inline struct bvt unit_bvt(int64_t avt, uint32_t mcu_advance)
{
	struct bvt b;

	bvt_init(&b);
	b.avt = avt;
	b.mcu_advance = mcu_advance;
	bvt_update_evt(&b);
	return b;
}

/* The same, warped with this warp, warp_limit and warp_used. */
static inline struct bvt unit_bvt_warped(int64_t avt, uint32_t mcu_advance,
					 uint32_t warp, uint64_t warp_limit,
					 uint64_t warp_used)
{
	struct bvt b = unit_bvt(avt, mcu_advance);

	b.warp = warp;
	b.warp_limit = warp_limit;
	b.warp_used = warp_used;
	b.warped = 1;
	bvt_update_evt(&b);
	return b;
}

#define UNIT_BVT_FIELD(got, want, f, what)                                \
	cr_assert((got)->f == (want)->f, "%s: " #f " is %lld, want %lld", \
		  (what), (long long)(got)->f, (long long)(want)->f)

/* *got is *want, every field. */
static inline void assert_bvt(const struct bvt *got, const struct bvt *want,
			      const char *what)
{
	UNIT_BVT_FIELD(got, want, mcu_advance, what);
	UNIT_BVT_FIELD(got, want, warp, what);
	UNIT_BVT_FIELD(got, want, warp_limit, what);
	UNIT_BVT_FIELD(got, want, unwarp_req, what);
	UNIT_BVT_FIELD(got, want, avt, what);
	UNIT_BVT_FIELD(got, want, warped, what);
	UNIT_BVT_FIELD(got, want, evt, what);
	UNIT_BVT_FIELD(got, want, ever_unwarped, what);
	UNIT_BVT_FIELD(got, want, warp_used, what);
	UNIT_BVT_FIELD(got, want, unwarped_at, what);
}

#endif
