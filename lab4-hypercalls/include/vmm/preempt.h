/*
 * Preemptible hypercalls (lab 4): a hypercall whose work grows with a
 * size the guest chooses stops when its stay in the VMM has used up the
 * budget, and leaves the rest as a *continuation*: its argument
 * registers rewritten to the work not done and its eip moved back onto
 * the int $0x82, so the guest makes the call again when it next runs.
 * No unit of work is done twice; the results are those of an unbroken
 * run.
 *
 *   handler:  if (done && hypercall_preempt_check())
 *                 return hypercall_continue(nargs, new_args);  (-ERESTART)
 *   dispatch: hypercall_done(regs, -ERESTART) rewrites the registers
 *   multicall: writes new_args into the entry and stops before it
 */
#ifndef VMM_PREEMPT_H
#define VMM_PREEMPT_H

#include <vmm/regs.h>
#include <vmm/types.h>

/* The budget of one stay in the VMM, in TSC ticks: instructions under
 * -icount. A preemptible hypercall stops at the first unit of work after
 * it; the longest unit (one request) adds to it. */
#define PREEMPT_BUDGET 1000000u

/* 1 if the current stay in the VMM has used up its budget, or if a timer
 * is due (from lab 5 on: the end of the running domain's slice, say, is
 * then waiting in the interrupt controller for the VMM to return). */
int hypercall_preempt_check(void);

/* The low 32 bits of the TSC at which the hardware timer fires, if
 * timer_due_set (lab 5's vmm/timer.c sets them; lab 4 has no timer). */
extern uint32_t timer_due_tsc32;
extern uint8_t timer_due_set;

/* Records a[0..nargs-1] as the arguments of the continuation of the
 * running hypercall and returns -ERESTART, which its handler returns.
 * nargs is the hypercall's own number of arguments: a guest expects only
 * those registers to change (its wrapper says which it gives the VMM). */
long hypercall_continue(unsigned nargs, const unsigned long a[5]);

/* The arguments recorded by hypercall_continue in this stay in the VMM,
 * taken, and their number in *nargs: NULL if there are none (the handler
 * did not stop half way, or they were taken already). */
const unsigned long *continuation_args(unsigned *nargs);

/*
 * The result rc of the hypercall in regs: stores it in regs->eax, except
 * for -ERESTART with a continuation (continuation_args not NULL). (A
 * -ERESTART without one is a plain result: iret returns the guest's own
 * eax, which may be anything.)
 * LAB 4 EXERCISE 9: the continuation. The guest must call again with its
 * arguments: the first nargs of ebx, ecx, edx, esi, edi (in that order)
 * from continuation_args(&nargs), the others left alone; eax the same
 * hypercall number (it still is); and eip moved back over the two-byte
 * int $0x82.
 */
void hypercall_done(struct cpu_regs *regs, long rc);

#endif
