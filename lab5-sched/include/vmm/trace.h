/*
 * The scheduling trace (lab 5): what the CPU did, turn by turn, kept in
 * the VMM and printed at the end (make plot-sched draws it). Off unless
 * the VMM's command line has `trace`; off, each hook below costs one
 * test of trace_on.
 *
 * Two kinds of record:
 *   run   a vCPU's turn on the CPU ended: its domain, the system time
 *         it was dispatched, the time it stopped and why it stopped;
 *   wake  a vCPU that was not running joined the run queue (it woke
 *         from a block, was created, or was unpaused): its domain and
 *         the time. Its dispatch latency runs from there to the start
 *         of its next run.
 * A turn is one dispatch (rq_dispatch): a vCPU picked again at the end
 * of its slice has two runs, the first ending "slice". The idle vCPU
 * has no runs: the time between runs is idle time.
 *
 * Why a turn ended, decided when it ends, the vCPU's own state first:
 *   died    its domain shut down or was destroyed (not DOM_RUNNING);
 *   block   it blocked, waiting for an event (sched_op block);
 *   slice   its slice ran out: the pick's slice, or the shorter one a
 *           wake-up left it (bvt_wake_grace);
 *   wake    a vCPU that woke asked for a pick at once (BVT: its evt was
 *           below the running one's by the context-switch allowance
 *           or more, bvt_wake_grace);
 *   adjust  DOM0_ADJUSTDOM changed a domain's parameters;
 *   yield   none of these: the running vCPU asked (sched_op yield), the
 *           one other way schedule() is called while it can run on.
 * The middle three are what resched(why) was last asked for
 * (resched_why, vmm/runq.h).
 *
 * The records go into a buffer of TRACE_MAX. When it is full the oldest
 * are kept and the later ones only counted (as Xen's xentrace does): the
 * trace is then the whole story of the run's start, and its end line
 * says how many records were lost.
 *
 * When the last live domain dies (its TEARDOWN_STEP), the trace is
 * printed and then stops: one line per record, in the order they were
 * made (a run when its turn ends, so after the wake-ups during it),
 * times in nanoseconds of system time (vmm/time.h):
 *   (VMM) trace: run d1 21634000 26735000 slice
 *   (VMM) trace: wake d2 30001200
 *   (VMM) trace: end: 412 records, 0 lost
 */
#ifndef VMM_TRACE_H
#define VMM_TRACE_H

#include <stdint.h>
#include <vmm/domain.h>
#include <vmm/time.h>

#define TRACE_MAX 4096 /* records; 24 bytes each */

extern uint8_t trace_on; /* `trace` on the VMM's command line */

/* The running turn (if any) ends at now; v's starts (NULL: the CPU
 * idles). */
void trace_turn(struct vcpu *v, uint64_t now);

/* v, which is not running, has become runnable now. */
void trace_woken(struct vcpu *v);

/* The hooks (vmm/runq.c): rq_dispatch, rq_idle, the run queue's joins. */
static inline void trace_dispatch(struct vcpu *v, uint64_t now)
{
	if (trace_on)
		trace_turn(v, now);
}

static inline void trace_idle(void)
{
	if (trace_on)
		trace_turn(NULL, now_ns());
}

/* Round robin's yield (lab 4's sched_yield, when the policy has no
 * yield) takes the running vCPU off the queue and puts it back: it has
 * not woken. */
static inline void trace_wake(struct vcpu *v)
{
	if (trace_on && v != current)
		trace_woken(v);
}

#endif
