/*
 * The scheduler core: which vCPU runs, and switching between them.
 * The policy is a struct scheduler (lab 1: run each domain to completion,
 * in order; lab 5 adds Borrowed Virtual Time). The VMM's boot stack
 * becomes the idle vCPU, which runs when no guest can.
 */
#ifndef VMM_SCHED_H
#define VMM_SCHED_H

#include <vmm/domain.h>

struct scheduler {
	const char *name;
	/* A domain became runnable / stopped being runnable. */
	void (*wake)(struct vcpu *v);
	void (*sleep)(struct vcpu *v);
	/* The vCPU to run next, or NULL for the idle vCPU. */
	struct vcpu *(*pick_next)(void);
	/* Optional (lab 5): v, running, gives way (sched_op yield) to the
	 * others for one pick. Without it, yield is a sleep and a wake. */
	void (*yield)(struct vcpu *v);
};

/* The policy in use; a later lab's INITCALL may replace it. */
extern const struct scheduler *scheduler;

/* Prepares v to enter its guest at vcpu_regs(v) on its first switch. */
void vcpu_init(struct vcpu *v, struct domain *d);

/* Makes a new domain's vCPU runnable. */
void sched_add(struct vcpu *v);

/* Removes a dying domain's vCPU. */
void sched_remove(struct vcpu *v);

/* Switches to the vCPU the policy picks (maybe the same one). Returns
 * when the caller's vCPU is picked again; never, for a dead domain. */
void schedule(void);

/* The idle loop on the boot stack: runs guests until none is left, then
 * prints the summary, checks that frames_at_boot frames are free again
 * (no leak) and powers off. */
__attribute__((noreturn)) void idle_loop(uint32_t frames_at_boot);

/* context.S: saves callee-saved registers on the current stack, stores
 * esp in *save, loads new_esp, and returns on that stack. */
void context_switch(uint32_t *save, uint32_t new_esp);

#endif
