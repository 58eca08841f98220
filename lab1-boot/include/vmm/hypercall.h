/* Hypercall dispatch (int 0x82). Handlers register with HYPERCALL(). */
#ifndef VMM_HYPERCALL_H
#define VMM_HYPERCALL_H

#include <vmm/regs.h>
#include <vmm/registry.h>

/* Fills the dispatch table from the registry; panics on a duplicate. */
void hypercall_init(void);

/* A guest's int $0x82, called by tramp.S with the guest's registers:
 * runs the hypercall in regs (eax = number, ebx.. = arguments) for the
 * current domain, stores its result in regs->eax (a result of -ERESTART
 * through hypercall_done) and returns to the guest. */
__attribute__((noreturn)) void hypercall_trap(struct cpu_regs *regs);

/* Runs hypercall nr with arguments a[0..4] (ebx..edi): its handler's
 * result, or -ENOSYS if there is none. */
long hypercall_call(uint32_t nr, const unsigned long a[5]);

/* Stores the result rc of the hypercall in regs (regs->eax). A weak
 * default; lab 4's continuations replace it. hypercall_trap calls it for
 * -ERESTART only, and stores any other result itself. */
void hypercall_done(struct cpu_regs *regs, long rc);

/* A handler's result for "stopped half way; the guest calls again" (lab
 * 4's continuations, vmm/preempt.h). Never reaches a guest. */
#define ERESTART 85

/* Lab 4's preemption, with weak defaults here for labs 1-3 (nothing is
 * ever preempted): 1 if the running hypercall should stop now; records
 * the first nargs arguments of its continuation (the hypercall's own
 * number of arguments) and returns -ERESTART. */
int hypercall_preempt_check(void);
long hypercall_continue(unsigned nargs, const unsigned long a[5]);

/* Runs sub-command cmd of hypercall hc, registered with SUBOP();
 * -ENOSYS if there is none. */
long subop_dispatch(unsigned int hc, unsigned int cmd, unsigned long arg);

#endif
