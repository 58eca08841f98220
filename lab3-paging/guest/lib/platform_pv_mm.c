/*
 * The paravirtual platform's page tables (lab 3, platform_mm.h): each
 * operation is mmu_update, update_va_mapping or mmuext_op.
 *
 * They follow the VMM's rules (include/vmm/mm.h): a frame is a page table
 * or mapped writable, never both, so a page becomes a table only after
 * the kernel's own mapping of it is made read-only, and is mapped
 * writable again only after it stopped being one. Updates of entries are
 * batched: set_pte queues mmu_update requests, which one hypercall then
 * applies, as the Xen paper's guests batch theirs. Each hypercall is
 * offered to a batch of hypercalls first (guest/batch.h: none before lab
 * 4), which may keep it for one multicall with others.
 */
#include <arch/mmu.h>
#include <guest/batch.h>
#include <guest/hypercall_mmu.h>
#include <guest/platform.h>
#include <guest/platform_mm.h>
#include <public/layout.h>

#define QUEUE_MAX  64 /* mmu_update requests per hypercall */
#define USER_SLOTS L2_INDEX(KIT_KERNEL_BASE) /* the private half of an L2 */

static struct mmu_update queue[QUEUE_MAX];
static unsigned queued;
static int queue_error; /* the first refusal since the last flush */
static int tlb_stale;	/* a queued update took rights away */

static uint32_t pv_make_pte(uint32_t pfn, uint32_t flags)
{
	return pfn_to_mfn(pfn) << PAGE_SHIFT | flags;
}

static uint32_t pv_pte_pfn(uint32_t pte)
{
	return machine_to_phys[PTE_MFN(pte)];
}

static uint32_t *pfn_to_kva(uint32_t pfn)
{
	return (uint32_t *)(KIT_KERNEL_BASE + pfn * PAGE_SIZE);
}

/* The machine address of a kernel virtual address. */
static uint32_t kva_to_ma(const void *va)
{
	return va_to_mfn(va) << PAGE_SHIFT | PAGE_OFFSET(va);
}

/* Sends the queue to the VMM (or to an open batch, which copies it);
 * the first refusal is kept for flush. */
static inline void send_queue(void)
{
	long rc = 0;

	if (queued &&
	    !batch_queue(__HYPERVISOR_mmu_update, (unsigned long)queue, queued,
			 0, DOMID_SELF, queued * sizeof(queue[0])))
		rc = HYPERVISOR_mmu_update(queue, queued, 0);
	if (rc && !queue_error)
		queue_error = (int)rc;
	queued = 0;
}

static void queue_update(uint32_t ma, uint32_t val)
{
	if (queued == QUEUE_MAX)
		send_queue();
	queue[queued++] = (struct mmu_update){ ma | MMU_NORMAL_PT_UPDATE, val };
}

/* One mmuext_op on one frame, or kept by an open batch. */
static inline long mmuext(unsigned cmd, uint32_t mfn)
{
	struct mmuext_op op = { cmd, { mfn }, { 0 } };

	if (batch_queue(__HYPERVISOR_mmuext_op, (unsigned long)&op, 1, 0,
			DOMID_SELF, sizeof(op)))
		return 0;
	return HYPERVISOR_mmuext_op(&op, 1, 0);
}

/* The updates and the TLB flush they need go in one batch, if batching
 * is on: one VMM entry instead of two. */
static int pv_flush_ptes(void)
{
	int rc;

	batch_begin();
	send_queue();
	if (tlb_stale && !queue_error)
		queue_error = (int)mmuext(MMUEXT_TLB_FLUSH_LOCAL, 0);
	batch_end();
	rc = queue_error;
	queue_error = tlb_stale = 0;
	return rc;
}

/* Xen does not flush the TLB for an mmu_update: a guest that changes a
 * present entry's frame or takes a right away (present, writable) asks
 * for the flush itself. (The kit's VMM reloads %cr3 on every exit, so
 * the flush costs it nothing but the entry.) */
static void pv_set_pte(uint32_t *pte, uint32_t val)
{
	uint32_t old = *pte;

	if ((old & PTE_P) &&
	    (PTE_ADDR(old) != PTE_ADDR(val) || (old & ~val & (PTE_P | PTE_W))))
		tlb_stale = 1;
	queue_update(kva_to_ma(pte), val);
}

/* The kernel's own mapping of page va: in the builder's L1s, which every
 * address space shares (the kernel half of each L2 is a copy of the
 * builder's L2). Table frames are read-only there, as the builder maps
 * its own tables. No TLB flush: the kernel never writes a page it
 * made a table, and the VMM sees to it that no writable mapping of a
 * table survives (Xen flushes TLBs when a frame stops being writable). */
static void map_kernel_page(const void *va, int writable)
{
	const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
	uint32_t l1_ma = PTE_ADDR(l2[L2_INDEX(va)]);
	uint32_t pte = va_to_mfn(va) << PAGE_SHIFT | PTE_P;

	queue_update(l1_ma + L1_INDEX(va) * 4, writable ? pte | PTE_W : pte);
}

/* The L2 l2 and the L1s of its private half, in the kernel's map. */
static void map_tables(uint32_t *l2, int writable)
{
	for (unsigned i = 0; i < USER_SLOTS; i++)
		if (l2[i] & PTE_P)
			map_kernel_page(pfn_to_kva(pv_pte_pfn(l2[i])),
					writable);
	map_kernel_page(l2, writable);
}

static int pv_hook_l1(uint32_t *l2e, uint32_t *l1)
{
	map_kernel_page(l1, 0);
	queue_update(kva_to_ma(l2e),
		     va_to_mfn(l1) << PAGE_SHIFT | PTE_P | PTE_W | PTE_U);
	return pv_flush_ptes();
}

/* Pinning validates the whole tree: the L2 takes a type reference on
 * each L1, each L1 a reference on each page it maps. */
static int pv_pin_l2(uint32_t *l2)
{
	int rc;

	map_tables(l2, 0);
	rc = pv_flush_ptes();
	return rc ? rc : (int)mmuext(MMUEXT_PIN_L2_TABLE, va_to_mfn(l2));
}

/* Unpinning the last reference devalidates the tree: the L1s and the
 * pages they map lose the references the L2 and the L1s held. */
static int pv_unpin_l2(uint32_t *l2)
{
	int rc = pv_flush_ptes();

	if (!rc)
		rc = (int)mmuext(MMUEXT_UNPIN_TABLE, va_to_mfn(l2));
	if (rc)
		return rc;
	map_tables(l2, 1);
	return pv_flush_ptes();
}

static int pv_new_baseptr(uint32_t *l2)
{
	int rc = pv_flush_ptes();

	return rc ? rc : (int)mmuext(MMUEXT_NEW_BASEPTR, va_to_mfn(l2));
}

static const struct platform_mm_ops pv_mm_ops = {
	.make_pte = pv_make_pte,
	.pte_pfn = pv_pte_pfn,
	.set_pte = pv_set_pte,
	.flush_ptes = pv_flush_ptes,
	.hook_l1 = pv_hook_l1,
	.pin_l2 = pv_pin_l2,
	.unpin_l2 = pv_unpin_l2,
	.new_baseptr = pv_new_baseptr,
};

const struct platform_mm_ops *platform_mm = &pv_mm_ops;
