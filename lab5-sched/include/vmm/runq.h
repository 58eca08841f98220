/*
 * Lab 5's scheduler core, shared by its two policies (round robin,
 * vmm/sched_rr.c, and BVT, vmm/sched_bvt.c): the run queue, what a
 * dispatch records, the end-of-slice timer and the flag that makes the
 * next return to a guest call schedule().
 *
 * Invariants: rq[0..rq_len-1] are the runnable vCPUs (on_rq set), each
 * once, in the order they were last dispatched, least recent first (a
 * new vCPU joins at the tail; a woken one at the tail under round robin,
 * at the head under BVT); a paused vCPU is never on it.
 * The vCPU running (current) is on it unless it is blocking, dying or
 * paused. need_resched is cleared by the return path before it calls
 * schedule(), and by rq_dispatch and rq_idle: a pick answers it (a
 * policy's pick_next need not touch it).
 */
#ifndef VMM_RUNQ_H
#define VMM_RUNQ_H

#include <vmm/domain.h>

extern struct vcpu *rq[MAX_DOMAINS];
extern int rq_len;

/* Set to have the VMM call schedule() on its way back to a guest
 * (vmm/entry_ext.h); why says what ended the running vCPU's turn
 * ("slice", "wake", "adjust"). resched_why is the last why asked for,
 * "" again once a dispatch (or the idle CPU) has answered it: the
 * scheduling trace (vmm/trace.h) reads it. */
extern volatile int need_resched;
extern const char *resched_why;
void resched(const char *why);

/* A vCPU joins the queue when it becomes runnable (the policy's wake):
 * the scheduling trace records a wake-up (vmm/trace.h). */
void rq_add(struct vcpu *v);	  /* at the tail; nothing if on it */
void rq_add_head(struct vcpu *v); /* at the head; nothing if on it */
void rq_remove(struct vcpu *v);	  /* nothing if not on it */

/* Charges current (a guest vCPU) for the CPU it used since its dispatch,
 * at now: adds it to its cpu_time and restarts its dispatch time at now.
 * Returns the ns it ran (0 for the idle vCPU), for the policy to charge
 * in its own terms (BVT: bvt_charge). */
uint64_t rq_charge_current(uint64_t now);

/* v (on the queue) starts a slice of `slice` ns at now: moves it to the
 * tail, records the dispatch (and in the trace, the end of the turn
 * before) and arms the end-of-slice timer. */
void rq_dispatch(struct vcpu *v, uint64_t now, uint64_t slice);

/* The running slice ends at t at the latest. */
void rq_slice_ends_by(uint64_t t);

/* Nothing runnable: stops the end-of-slice timer. */
void rq_idle(void);

/* The policies (one is chosen at boot: sched=rr on the VMM's command
 * line for round robin, BVT otherwise). */
extern const struct scheduler sched_rr, sched_bvt;

/* rq_charge_current and BVT's charge of what current ran. */
void sched_bvt_charge_current(uint64_t now);

/* The global BVT parameters (DOM0_BVTCTL). */
extern struct bvt_params bvt_global;

/* Pauses or unpauses a domain's vCPU (DOM0_STOPDOMAIN/STARTDOMAIN). */
void vcpu_pause(struct vcpu *v);
void vcpu_unpause(struct vcpu *v);

#endif
