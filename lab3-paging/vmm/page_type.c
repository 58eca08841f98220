/*
 * Page types and reference counts (exercises 1 and 2). See mm.h for the
 * state machine. One CPU and no preemption inside the VMM: no locks.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <vmm/domain.h>
#include <vmm/mm.h>
#include <vmm/printk.h>

/* Frames a domain may reference: its own, and its shared-info page. */
static int frame_of(mfn_t mfn, const struct domain *d)
{
	return mfn_valid(mfn) &&
	       (mfn_to_frame(mfn)->owner == d->id ||
		(d->ext.shared_info_mfn && mfn == d->ext.shared_info_mfn));
}

int get_page(mfn_t mfn, const struct domain *d)
{
	if (!frame_of(mfn, d))
		return -EPERM;
	mfn_to_frame(mfn)->count++;
	return 0;
}

void put_page(mfn_t mfn)
{
	struct frame *f = mfn_to_frame(mfn);

	BUG_ON(f->count <= 1); /* the allocation's reference stays */
	f->count--;
}

static int is_table(int type)
{
	return type == FT_L1 || type == FT_L2;
}

int get_page_type(mfn_t mfn, int type, struct domain *d)
{
	struct frame *f = mfn_to_frame(mfn);

	/* BEGIN LAB 3 EXERCISE 1 (get_page_type) */
	(void)f, (void)type, (void)d, (void)is_table;
	EXERCISE_STUB(3, 1, "get_page_type");
	/* END LAB 3 EXERCISE 1 */
}

void put_page_type(mfn_t mfn, struct domain *d)
{
	struct frame *f = mfn_to_frame(mfn);

	/* BEGIN LAB 3 EXERCISE 2 (put_page_type) */
	(void)f, (void)d;
	EXERCISE_STUB(3, 2, "put_page_type");
	/* END LAB 3 EXERCISE 2 */
}

/* Page tables must be the domain's own frames: its shared-info page, which
 * the VMM writes, may be mapped but never become a table. */
int get_page_and_type(mfn_t mfn, int type, struct domain *d)
{
	int rc;

	if (is_table(type) && mfn_valid(mfn) &&
	    mfn_to_frame(mfn)->owner != d->id)
		return -EPERM;
	rc = get_page(mfn, d);

	if (rc)
		return rc;
	rc = get_page_type(mfn, type, d);
	if (rc)
		put_page(mfn);
	return rc;
}

void put_page_and_type(mfn_t mfn, struct domain *d)
{
	put_page_type(mfn, d);
	put_page(mfn);
}
