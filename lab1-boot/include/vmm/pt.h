/*
 * Building a domain's initial page tables. The tables live in the
 * domain's own memory (pseudo-physical frames from a reserved pool), as in
 * Xen, so the guest can later read them (and in lab 3 update them through
 * hypercalls).
 */
#ifndef VMM_PT_H
#define VMM_PT_H

#include <arch/mmu.h>
#include <vmm/memlayout.h>
#include <vmm/types.h>

struct pt_builder {
	const mfn_t *p2m; /* the domain's pfn -> mfn map */
	pfn_t nr_pages;	  /* size of p2m */
	pfn_t l2_pfn;	  /* the L2 table */
	pfn_t next_pfn;	  /* next free frame of the pool for L1s */
	pfn_t end_pfn;	  /* first pfn past the pool */
};

/*
 * LAB 1 EXERCISE 7. Maps virtual address va (page aligned, below the
 * hole) to pseudo-physical frame pfn with the PTE_* bits in `flags`
 * (PTE_P is implied), replacing any earlier mapping of va. When the L2
 * slot of va is empty, takes the next frame of the pool, zeroes it, and
 * installs it as the L1 with PTE_P | PTE_W | PTE_U, so the L1 entry alone
 * decides the access rights. Returns 0, -EINVAL for a va in the hole or a
 * pfn >= nr_pages, -ENOMEM when the pool is used up.
 */
int pt_map_page(struct pt_builder *b, vaddr_t va, pfn_t pfn, uint32_t flags);

static inline pte_t *pfn_table(const struct pt_builder *b, pfn_t pfn)
{
	return (pte_t *)P2V((paddr_t)b->p2m[pfn] << PAGE_SHIFT);
}

#endif
