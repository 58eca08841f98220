/*
 * A domain's page tables from birth to death (lab 3). The builder made
 * the initial tables (lab 1); here they become validated tables like any
 * other: the initial L2 is pinned and is the vCPU's base, and the M2P
 * learns the domain's frames. When the domain dies, dropping the base and
 * every pin releases every reference its tables held, so that lab 1's
 * destroy finds each frame back at count 1, type count 0, and frees it.
 */
#include <public/errno.h>
#include <public/mmu.h>
#include <vmm/builder.h>
#include <vmm/domain.h>
#include <vmm/memlayout.h>
#include <vmm/mm.h>
#include <vmm/registry.h>

static int adopt_initial_tables(struct domain *d, struct build_info *b)
{
	mfn_t l2 = d->vcpu.cr3 >> PAGE_SHIFT;

	for (pfn_t pfn = 0; pfn < d->nr_pages; pfn++)
		m2p_set(d->p2m[pfn], pfn);
	if (get_page_and_type(l2, FT_L2, d)) { /* the vCPU's base */
		b->why = "its initial page tables do not validate";
		d->vcpu.cr3 = 0;
		return -EINVAL;
	}
	get_page_and_type(l2, FT_L2, d); /* and a pin: cannot fail now */
	mfn_to_frame(l2)->flags |= FF_PINNED;
	return 0;
}
BUILD_STEP(66, adopt_initial_tables);

static void release_tables(struct domain *d)
{
	if (d->vcpu.cr3 &&
	    mfn_to_frame(d->vcpu.cr3 >> PAGE_SHIFT)->type == FT_L2)
		put_page_and_type(d->vcpu.cr3 >> PAGE_SHIFT, d);
	d->vcpu.cr3 = 0;
	for (pfn_t pfn = 0; pfn < d->nr_pages; pfn++) {
		mfn_t mfn = d->p2m[pfn];
		struct frame *f;

		if (mfn == INVALID_MFN)
			continue;
		f = mfn_to_frame(mfn);
		if (f->flags & FF_PINNED) {
			f->flags &= (uint8_t)~FF_PINNED;
			put_page_and_type(mfn, d);
		}
		m2p_set(mfn, INVALID_M2P_ENTRY);
	}
}
TEARDOWN_STEP(10, release_tables);
