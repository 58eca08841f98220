/* Borrowed Virtual Time's decisions (vmm/bvt.h). */
#include <lib/exercise.h>
#include <lib/time_scale.h>
#include <vmm/bvt.h>

void bvt_init(struct bvt *b)
{
	*b = (struct bvt){ .mcu_advance = BVT_MCU_ADVANCE_DEF };
}

/* MCUs in ran ns, rounded up. A run shorter than 4 s (every one, in
 * practice: slices are at most 50 ms) divides in 32 bits, by a constant,
 * which the compiler turns into a multiplication. */
static uint64_t mcus(uint64_t ran)
{
	if (ran < 0xFFFFFFFFull - BVT_MCU_NS)
		return ((uint32_t)ran + BVT_MCU_NS - 1) / BVT_MCU_NS;
	return udiv64(ran + BVT_MCU_NS - 1, BVT_MCU_NS);
}

int64_t bvt_evt_if_charged(const struct bvt *b, uint64_t ran)
{
	return b->evt + (int64_t)(mcus(ran) * b->mcu_advance);
}

void bvt_charge(struct bvt *b, uint64_t ran, uint64_t now)
{
	/* BEGIN LAB 5 EXERCISE 6 (bvt_charge) */
	(void)b, (void)ran, (void)now;
	EXERCISE_STUB(5, 6, "bvt_charge");
	/* END LAB 5 EXERCISE 6 */
}

uint64_t bvt_wake_grace(const struct bvt *w, const struct bvt *cur,
			const struct bvt_params *g)
{
	int64_t limit =
		w->evt + (int64_t)(mcus(g->ctx_allow) * cur->mcu_advance);

	if (limit <= cur->evt)
		return 0;
	return udiv64((uint64_t)(limit - cur->evt) + cur->mcu_advance - 1,
		      cur->mcu_advance) *
	       BVT_MCU_NS;
}

int bvt_pick(struct bvt *const q[], int n, const struct bvt_params *g,
	     uint64_t *slice)
{
	int best = 0, second = -1;
	uint64_t s;

	/* BEGIN LAB 5 EXERCISE 7 (bvt_pick) */
	(void)q, (void)n, (void)g, (void)slice, (void)second, (void)s;
	EXERCISE_STUB(5, 7, "bvt_pick");
	/* END LAB 5 EXERCISE 7 */
	return best;
}

void bvt_wake(struct bvt *b, int64_t svt, uint64_t now)
{
	/* BEGIN LAB 5 EXERCISE 8 (bvt_wake) */
	(void)b, (void)svt, (void)now;
	EXERCISE_STUB(5, 8, "bvt_wake");
	/* END LAB 5 EXERCISE 8 */
}
