/*
 * mmu_update (hypercall 1): the guest changes its page tables, one
 * validated entry at a time (exercise 5), and its machine-to-physical
 * entries.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/mmu.h>
#include <public/xen.h>
#include <vmm/batch.h>
#include <vmm/domain.h>
#include <vmm/memlayout.h>
#include <vmm/mm.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

int mod_entry(mfn_t mfn, int type, unsigned index, uint32_t val,
	      struct domain *d)
{
	uint32_t *t = P2V((paddr_t)mfn << PAGE_SHIFT);

	/* BEGIN LAB 3 EXERCISE 5 (mod_entry) */
	uint32_t old = t[index];
	int rc;

	if (type == FT_L2 && index >= HOLE_FIRST_SLOT)
		return -EPERM; /* the hole is the VMM's */
	rc = type == FT_L2 ? get_page_from_l2e(val, d) :
			     get_page_from_l1e(val, d);
	if (rc)
		return rc;
	t[index] = val;
	if (type == FT_L2)
		put_page_from_l2e(old, d);
	else
		put_page_from_l1e(old, d);
	return 0;
	/* END LAB 3 EXERCISE 5 */
}

/* The page table of d in use that machine address ma lies in: its type
 * (FT_L1 or FT_L2), or -EINVAL. */
static int table_at(struct domain *d, paddr_t ma)
{
	mfn_t mfn = ma >> PAGE_SHIFT;
	struct frame *f;

	if (!mfn_valid(mfn))
		return -EINVAL;
	f = mfn_to_frame(mfn);
	if (f->owner != d->id || !(f->flags & FF_VALIDATED) ||
	    (f->type != FT_L1 && f->type != FT_L2))
		return -EINVAL;
	return f->type;
}

static int one_request(struct domain *d, const struct mmu_update *req)
{
	paddr_t ma = (paddr_t)req->ptr & ~3u;
	mfn_t mfn = ma >> PAGE_SHIFT;
	int type;

	if (req->ptr >> 32 || req->val >> 32)
		return -EINVAL; /* no machine memory above 4 GiB */
	switch (req->ptr & 3) {
	case MMU_NORMAL_PT_UPDATE:
		type = table_at(d, ma);
		if (type < 0)
			return type;
		return mod_entry(mfn, type, (ma & (PAGE_SIZE - 1)) / 4,
				 (uint32_t)req->val, d);
	case MMU_MACHPHYS_UPDATE:
		if (!mfn_valid(mfn) || mfn_to_frame(mfn)->owner != d->id)
			return -EPERM;
		m2p_set(mfn, (pfn_t)req->val);
		return 0;
	}
	return -ENOSYS;
}

static int one_request_of(const void *req, void *d)
{
	return one_request(d, req);
}

/* mmu_update(reqs, count, pdone, foreigndom): see public/mmu.h and
 * run_batch (batch.h) for the results. */
static long do_mmu_update(unsigned long reqs, unsigned long count,
			  unsigned long pdone, unsigned long foreigndom)
{
	struct batch b = { reqs, sizeof(struct mmu_update), count, pdone,
			   foreigndom };

	return run_batch(current->domain, &b, one_request_of, current->domain);
}
HYPERCALL(__HYPERVISOR_mmu_update, do_mmu_update);
