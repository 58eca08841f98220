/*
 * bvt_i386 (exercises 6, 7, 8): BVT's decisions as the VMM runs them,
 * compiled for i386 (this guest links the VMM's own vmm/bvt.c, lab.mk).
 * The host unit tests run the same code on a 64-bit host, where `long`
 * is 64 bits; here it is 32, so a virtual time or a duration kept in a
 * `long` (or an `int`) shows:
 *  - bvt_pick: the lower evt of two that straddle 2^31, or 2^32, or
 *    are negative and positive, compared in 64 bits;
 *  - bvt_wake: a vCPU that unwarped 2^32 ns + 10 ms ago, far more than
 *    its 20 ms unwarp requirement, warps again (a 32-bit "since" would
 *    see 10 ms, and refuse); 30 ms ago it warps, 10 ms ago it does not;
 *  - bvt_charge: a run of 5 s (past 32 bits of ns) is charged all its
 *    MCUs, rounded up.
 */
#include <guest/test.h>
#include <lib/time_scale.h>
#include <vmm/bvt.h>

const char test_title[] = "bvt_i386: BVT's decisions in 32-bit code";

#define MS 1000000ull

static struct bvt at(int64_t avt)
{
	struct bvt b;

	bvt_init(&b);
	b.avt = avt;
	bvt_update_evt(&b);
	return b;
}

static void pick_lower(int64_t e0, int64_t e1, int want)
{
	struct bvt b[2] = { at(e0), at(e1) };
	struct bvt *q[2] = { &b[0], &b[1] };
	struct bvt_params g = { BVT_CTX_ALLOW_NS };
	uint64_t slice;
	int got = bvt_pick(q, 2, &g, &slice);

	if (got != want)
		xtf_failure("bvt_pick of evts %x:%08x and %x:%08x: %d, want %d",
			    (uint32_t)((uint64_t)e0 >> 32), (uint32_t)e0,
			    (uint32_t)((uint64_t)e1 >> 32), (uint32_t)e1, got,
			    want);
}

static void wake_after(uint64_t since, int want_warped)
{
	struct bvt b = at(0);
	uint64_t t0 = 1000 * MS;

	b.warp = 1000;
	b.unwarp_req = 20 * MS;
	b.ever_unwarped = 1;
	b.unwarped_at = t0;
	bvt_wake(&b, 0, t0 + since);
	if (b.warped != want_warped)
		xtf_failure("bvt_wake %x:%08x ns after unwarping (20 ms "
			    "required): warped %u, want %d",
			    (uint32_t)(since >> 32), (uint32_t)since, b.warped,
			    want_warped);
}

void test_main(void)
{
	struct bvt b = at(0);
	uint64_t ran = 5000 * MS;
	int64_t want = (int64_t)udiv64(ran + BVT_MCU_NS - 1, BVT_MCU_NS) * 10;

	pick_lower((1ll << 31) - 1, 1ll << 31, 0);
	pick_lower((1ll << 32) + 5, (1ll << 32) - 5, 1);
	pick_lower(-(1ll << 31) - 3, (1ll << 31) - 3, 0);
	printf("bvt_pick: evts past 32 bits compared whole\n");

	wake_after((1ull << 32) + 10 * MS, 1);
	wake_after(30 * MS, 1);
	wake_after(10 * MS, 0);
	printf("bvt_wake: the unwarp requirement over 2^32 ns\n");

	b.mcu_advance = 10;
	bvt_charge(&b, ran, ran);
	if (b.avt != want)
		xtf_failure("bvt_charge of 5 s: avt %x:%08x, want %x:%08x",
			    (uint32_t)((uint64_t)b.avt >> 32), (uint32_t)b.avt,
			    (uint32_t)((uint64_t)want >> 32), (uint32_t)want);
	printf("bvt_charge: a 5 s run charged whole\n");
	xtf_success("BVT in 32-bit code as on the host");
}
