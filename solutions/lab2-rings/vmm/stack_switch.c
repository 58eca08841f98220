/*
 * stack_switch (hypercall 3): where the guest kernel's stack is when the
 * guest enters ring 1 from ring 3, through a bounce or the fast system
 * call gate. The CPU reads it from the TSS (ss1, esp1); the VMM keeps it
 * per vCPU and puts it in the TSS whenever that vCPU runs.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/bounce.h>
#include <vmm/desc.h>
#include <vmm/domain.h>
#include <vmm/registry.h>
#include <vmm/sched.h>
#include <vmm/segments.h>

/* stack_switch(ss, esp): ss must be a ring-1 stack selector
 * (check_stack_selector), else -EPERM; esp is the guest's to choose. The
 * vCPU's kernel stack and the TSS's ss1:esp1 are one state: change the
 * first, then copy it into the second with kernel_stack_install. */
long do_stack_switch(unsigned long ss, unsigned long esp)
{
	struct vcpu *v = current;

	/* BEGIN LAB 2 EXERCISE 3 (stack_switch) */
	if (ss > 0xFFFF || check_stack_selector(v->domain, (uint16_t)ss))
		return -EPERM;
	v->ext.kernel_ss = (uint16_t)ss;
	v->ext.kernel_sp = esp;
	kernel_stack_install(v); /* this vCPU runs now */
	return 0;
	/* END LAB 2 EXERCISE 3 */
}
HYPERCALL(__HYPERVISOR_stack_switch, do_stack_switch);

void kernel_stack_install(const struct vcpu *v)
{
	tss.ss1 = v->ext.kernel_ss;
	tss.esp1 = v->ext.kernel_sp;
}

/* The TSS is shared: it must hold the stack of the vCPU about to run. */
static void tss_switch(struct vcpu *next)
{
	kernel_stack_install(next);
}
SWITCH_HOOK(10, tss_switch);
