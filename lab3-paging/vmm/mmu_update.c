/*
 * mmu_update (hypercall 1): the guest changes its page tables, one
 * validated entry at a time (exercise 5), and its machine-to-physical
 * entries.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/mmu.h>
#include <public/xen.h>
#include <lib/compiler.h>
#include <vmm/batch.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
#include <vmm/memlayout.h>
#include <vmm/mm.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

#define MMU_BATCH_MAX 1024 /* requests per call (lab 4: continuations) */

int mod_entry(mfn_t mfn, int type, unsigned index, uint32_t val,
	      struct domain *d)
{
	uint32_t *t = P2V((paddr_t)mfn << PAGE_SHIFT);

	/* BEGIN LAB 3 EXERCISE 5 (mod_entry) */
	(void)t, (void)type, (void)index, (void)val, (void)d;
	EXERCISE_STUB(3, 5, "mod_entry");
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

/* mmu_update(reqs, count, pdone, foreigndom): see public/mmu.h. Returns
 * 0, or the error of the first refused request; -EINVAL for more than
 * MMU_BATCH_MAX requests or another domain, -EFAULT if a request cannot
 * be read or pdone written. */
static long do_mmu_update(unsigned long reqs, unsigned long count,
			  unsigned long pdone, unsigned long foreigndom)
{
	struct domain *d = current->domain;
	struct mmu_update req[BATCH_CHUNK];
	uint32_t done = 0, n, got;
	long rc = 0;

	if (count > MMU_BATCH_MAX ||
	    (foreigndom != DOMID_SELF && foreigndom != d->id))
		return -EINVAL;
	while (done < count && !rc) {
		n = MIN(count - done, BATCH_CHUNK);
		got = copy_batch(d, req, reqs + done * sizeof(req[0]),
				 sizeof(req[0]), n);
		for (uint32_t i = 0; i < got && !rc; i++) {
			rc = one_request(d, &req[i]);
			done += !rc;
		}
		if (!rc && got < n)
			rc = -EFAULT;
	}
	if (pdone && copy_to_guest(d, pdone, &done, sizeof(done)))
		return -EFAULT;
	return rc;
}
HYPERCALL(__HYPERVISOR_mmu_update, do_mmu_update);
