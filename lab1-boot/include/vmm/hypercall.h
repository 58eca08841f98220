/* Hypercall dispatch (int 0x82). Handlers register with HYPERCALL(). */
#ifndef VMM_HYPERCALL_H
#define VMM_HYPERCALL_H

#include <vmm/regs.h>
#include <vmm/registry.h>

/* Fills the dispatch table from the registry; panics on a duplicate. */
void hypercall_init(void);

/* Runs the hypercall in regs (eax = number, ebx.. = arguments) for the
 * current domain and stores its result in regs->eax. */
void hypercall_dispatch(struct cpu_regs *regs);

/* Runs sub-command cmd of hypercall hc, registered with SUBOP();
 * -ENOSYS if there is none. */
long subop_dispatch(unsigned int hc, unsigned int cmd, unsigned long arg);

#endif
