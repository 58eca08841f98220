/*
 * update_va_mapping (hypercall 14): sets the L1 entry that maps one
 * virtual address in the current address space (exercise 8). The common
 * case of a guest kernel, cheaper to ask for than an mmu_update, because
 * the guest need not know where the L1 entry is.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/mmu.h>
#include <public/xen.h>
#include <vmm/domain.h>
#include <vmm/memlayout.h>
#include <vmm/mm.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

/*
 * update_va_mapping(va, val_lo, val_hi, flags): val_hi must be 0 (no
 * machine memory above 4 GiB), va below the hole (-EINVAL), and the L2
 * entry for va present (-EINVAL: there is no L1 to change); then the L1
 * entry for va becomes val_lo, as mod_entry does. The flags (UVMF_*)
 * need no work: see mmuext.c on the TLB.
 */
long do_update_va_mapping(unsigned long va, unsigned long val_lo,
			  unsigned long val_hi, unsigned long flags)
{
	struct vcpu *v = current;

	/* BEGIN LAB 3 EXERCISE 8 (update_va_mapping) */
	(void)va, (void)val_lo, (void)val_hi, (void)flags, (void)v;
	EXERCISE_STUB(3, 8, "update_va_mapping");
	/* END LAB 3 EXERCISE 8 */
}
HYPERCALL(__HYPERVISOR_update_va_mapping, do_update_va_mapping);
