/* The VMM's address space and the hole every guest address space shares. */
#ifndef VMM_PAGING_H
#define VMM_PAGING_H

#include <arch/mmu.h>
#include <vmm/types.h>

extern pde_t vmm_pgdir[ENTRIES_PER_TABLE];

/* Finishes the VMM's page directory (drops the boot identity map, maps
 * the GDT area) and builds the trampoline L1 that guests share. */
void paging_init(void);

/* Fills the hole slots of a new guest L2 table: the per-domain slot (with
 * perdomain_l1) and the trampoline slot. All other hole slots stay empty. */
void paging_fill_guest_hole(pde_t *l2, mfn_t perdomain_l1);

/* Builds a per-domain L1 (GDT area mapped read-only) in frame mfn. */
void paging_init_perdomain(mfn_t mfn);

#endif
