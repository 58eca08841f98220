/*
 * Borrowed Virtual Time (Duda and Cheriton, SOSP 1999), as the Xen paper
 * schedules domains with it. The decisions only (vmm/bvt.c): they take
 * the time as an argument and touch nothing else, so the host unit
 * tests run them on simulated time. vmm/sched_bvt.c applies them.
 *
 * Each vCPU has an actual virtual time, avt, which grows while it runs:
 * by mcu_advance for every minimum charging unit (MCU, 100 us) of CPU it
 * used, rounded up. mcu_advance is the inverse of the weight: a domain
 * with half the mcu_advance of another gets twice its CPU. The
 * scheduler runs the runnable vCPU with the lowest *effective* virtual
 * time, evt = avt - (warped ? warp : 0): a latency-sensitive domain with
 * a warp borrows against its future CPU and runs ahead of the others
 * when an event wakes it, for at most warp_limit of CPU time, then not
 * again until it has run unwarped for unwarp_req (0: no limit / no
 * requirement).
 *
 * Units: avt, evt and warp in virtual time (MCUs run * mcu_advance);
 * times (now, ran, slices, limits) in nanoseconds of system time.
 */
#ifndef VMM_BVT_H
#define VMM_BVT_H

#include <stdint.h>

#define BVT_MCU_NS 100000u /* the minimum charging unit */
#define BVT_CTX_ALLOW_NS                                            \
	5000000u		      /* the default context-switch \
				       * allowance: 5 ms */
#define BVT_SLICE_MAX_NS    50000000u /* no slice is longer */
#define BVT_MCU_ADVANCE_DEF 10u
#define BVT_MCU_ADVANCE_MAX 1000u
#define BVT_WARP_MAX	    1000000000u
#define BVT_LIMIT_MAX_NS    1000000000ull /* warp_limit, unwarp_req */

struct bvt {
	/* Parameters (module command line, or DOM0_ADJUSTDOM). */
	uint32_t mcu_advance; /* 1..BVT_MCU_ADVANCE_MAX */
	uint32_t warp;	      /* 0: never warps */
	uint64_t warp_limit;  /* ns of CPU per warped period; 0: none */
	uint64_t unwarp_req;  /* ns before warping again; 0: none */
	/* State. */
	int64_t avt, evt;
	uint8_t warped;	       /* running on borrowed time now */
	uint8_t ever_unwarped; /* unwarped_at is meaningful */
	uint64_t warp_used;    /* ns of CPU in this warped period */
	uint64_t unwarped_at;  /* when the last warped period ended */
};

/* The global parameters: the context-switch allowance. */
struct bvt_params {
	uint32_t ctx_allow; /* ns a vCPU may run past its fair point */
};

/* evt from avt and the warp: the one place that says what evt is. */
static inline void bvt_update_evt(struct bvt *b)
{
	b->evt = b->avt - (b->warped ? (int64_t)b->warp : 0);
}

/* Sets b's parameters to the defaults and its times to avt = evt = 0. */
void bvt_init(struct bvt *b);

/*
 * LAB 5 EXERCISE 6. b ran for `ran` ns up to `now`: avt grows by
 * mcu_advance for every MCU or part of one (ran = 0 costs nothing). If b
 * is warped, the run counts against its warp limit: once warp_used
 * reaches a non-zero warp_limit, b unwarps (warped = 0, ever_unwarped = 1,
 * unwarped_at = now). evt follows (bvt_update_evt).
 */
void bvt_charge(struct bvt *b, uint64_t ran, uint64_t now);

/* avt + what charging `ran` ns would add, with b's warp: the evt that b
 * would have if it were charged now (b is not changed). */
int64_t bvt_evt_if_charged(const struct bvt *b, uint64_t ran);

/*
 * The paper's rule for a wake-up: the woken vCPU w preempts the running
 * one, cur (both evt up to date), only once cur's evt is a context-switch
 * allowance past w's - so that two domains that wake each other do not
 * switch at every event. Returns 0 if w preempts now, or how much longer
 * (ns) cur may run first: until its evt, growing by mcu_advance per MCU,
 * reaches w's evt plus the allowance in cur's virtual time.
 */
uint64_t bvt_wake_grace(const struct bvt *w, const struct bvt *cur,
			const struct bvt_params *g);

/*
 * LAB 5 EXERCISE 7. Picks among the n >= 1 runnable vCPUs q[0..n-1]
 * (in the order they last ran, least recent first) the one with the
 * lowest evt; on a tie, the first in q. Its slice (*slice, ns) is how
 * long it may run before its evt passes the next lowest evt, plus the
 * context-switch allowance: ceil((evt2 - evt1) / mcu_advance) MCUs
 * + ctx_allow; for n = 1 that part is BVT_SLICE_MAX_NS, and the rest
 * still applies. A warped pick's slice also ends when its warp limit
 * would run out (if it has one), alone on the queue too.
 * The slice is at most BVT_SLICE_MAX_NS and at least one MCU. Returns
 * the index of the pick.
 */
int bvt_pick(struct bvt *const q[], int n, const struct bvt_params *g,
	     uint64_t *slice);

/*
 * LAB 5 EXERCISE 8. b wakes up (it was blocked) at `now`; svt is the
 * system virtual time, the lowest avt of the vCPUs that were runnable.
 * A vCPU that slept must not come back with credit for the time it
 * slept: avt = max(avt, svt). An unwarped vCPU with a warp warps (warped = 1,
 * warp_used = 0) unless it is still serving its unwarp requirement: it
 * unwarped less than unwarp_req ago. One still warped (it blocked while
 * warped) stays so, warp_used unchanged: blocking does not renew the
 * limit. evt follows.
 */
void bvt_wake(struct bvt *b, int64_t svt, uint64_t now);

#endif
