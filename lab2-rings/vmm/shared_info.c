/*
 * The shared-info page (public/shared_info.h): one VMM frame per domain,
 * which the guest may read and write. Lab 2 puts the faulting address of
 * a bounced page fault there; later labs put events and time there.
 * The builder maps it just past the domain's memory (public/layout.h),
 * and start_info.shared_info gives its machine address, as in Xen.
 */
#include <public/errno.h>
#include <public/layout.h>
#include <public/shared_info.h>
#include <vmm/builder.h>
#include <vmm/frame.h>
#include <vmm/registry.h>

/* The L1 entry that maps va in the tables being built (the L1 exists). */
static pte_t *pt_entry(struct pt_builder *b, vaddr_t va)
{
	pde_t l2e = pfn_table(b, b->l2_pfn)[L2_INDEX(va)];

	return (pte_t *)P2V(PTE_ADDR(l2e)) + L1_INDEX(va);
}

static int map_shared_info(struct domain *d, struct build_info *b)
{
	vaddr_t va = KIT_SHARED_INFO_VA(d->nr_pages);
	mfn_t mfn = frame_alloc(DOMID_XEN);

	if (mfn == INVALID_MFN) {
		b->why = "no frame for the shared-info page";
		return -ENOMEM;
	}
	d->ext.shared_info_mfn = mfn;
	d->ext.shared = P2V((paddr_t)mfn << PAGE_SHIFT);
	/* Map pfn 0 there first: pt_map_page makes the L1 if needed. */
	if (pt_map_page(&b->pt, va, 0, 0)) {
		b->why = "page-table pool too small";
		return -ENOMEM;
	}
	*pt_entry(&b->pt, va) = ((paddr_t)mfn << PAGE_SHIFT) | PTE_P | PTE_W;
	b->si->shared_info = (paddr_t)mfn << PAGE_SHIFT;
	return 0;
}
BUILD_STEP(62, map_shared_info);

static void free_shared_info(struct domain *d)
{
	if (d->ext.shared_info_mfn)
		frame_free(d->ext.shared_info_mfn);
	d->ext.shared_info_mfn = 0;
	d->ext.shared = 0;
}
TEARDOWN_STEP(30, free_shared_info);
