/*
 * The guest kernel's page tables, through the platform (lab 3): like
 * platform.h's operations, every change to a page table goes through
 * these functions, so a native platform could implement them with plain
 * stores. The Xen-style implementation is guest/lib/platform_pv_mm.c.
 */
#ifndef GUEST_PLATFORM_MM_H
#define GUEST_PLATFORM_MM_H

#include <stdint.h>

struct platform_mm_ops {
	/*
	 * Tables, entries and pages are named by their kernel virtual
	 * address (all memory is mapped at KIT_KERNEL_BASE), frames by their
	 * pfn. An entry holds what the MMU reads (on Xen, a
	 * machine frame), so entries are made and read with make_pte and
	 * pte_pfn. The life of an address space:
	 *
	 *   built    the kernel fills an L2 and its L1s in ordinary pages;
	 *   pinned   pin_l2 makes them page tables: from then on the kernel
	 *            only reads them, and changes them with set_pte and
	 *            hook_l1; new_baseptr may make the L2 the current one;
	 *   unpinned unpin_l2 (not while current) gives the pages back as
	 *            ordinary writable memory, their contents unchanged.
	 *
	 * The kernel half of every L2 (KIT_KERNEL_BASE and up) holds the
	 * builder's L1s, shared by all address spaces: pin and unpin leave
	 * them alone. Every call returns 0 or -errno unless it says not;
	 * inside a batch (guest/batch.h) a call may be kept for the batch's
	 * end and return 0, a refusal then being found by batch_end.
	 */
	uint32_t (*make_pte)(uint32_t pfn, uint32_t flags); /* PTE_* flags */
	uint32_t (*pte_pfn)(uint32_t pte);		    /* a present one */
	/* Entry *pte of a pinned table becomes val. Queued: it takes effect
	 * at the next flush_ptes, or at any other page-table call. */
	void (*set_pte)(uint32_t *pte, uint32_t val);
	/* Applies the queued set_pte calls, and makes the TLB forget the
	 * entries they changed. */
	int (*flush_ptes)(void);
	/* A new L1 (filled, not in use) becomes entry *l2e of a pinned L2. */
	int (*hook_l1)(uint32_t *l2e, uint32_t *l1);
	int (*pin_l2)(uint32_t *l2);
	int (*unpin_l2)(uint32_t *l2);
	/* The address space of the pinned L2 l2 becomes the current one. */
	int (*new_baseptr)(uint32_t *l2);
};

extern const struct platform_mm_ops *platform_mm;

#endif
