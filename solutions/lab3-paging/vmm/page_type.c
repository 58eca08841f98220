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
	int rc;

	if (f->type_count != 0) {
		if (f->type != type)
			return -EBUSY;
		f->type_count++;
		return 0;
	}
	/* Take the type first: an entry that points back to this very table
	 * is then a type conflict, not a second validation of it. */
	f->type = (uint8_t)type;
	f->type_count = 1;
	if (is_table(type)) {
		rc = validate_table(mfn, type, d);
		if (rc) {
			f->type = FT_NONE;
			f->type_count = 0;
			return rc;
		}
		f->flags |= FF_VALIDATED;
	}
	return 0;
	/* END LAB 3 EXERCISE 1 */
}

void put_page_type(mfn_t mfn, struct domain *d)
{
	struct frame *f = mfn_to_frame(mfn);

	/* BEGIN LAB 3 EXERCISE 2 (put_page_type) */
	BUG_ON(f->type_count == 0);
	if (--f->type_count)
		return;
	if (is_table(f->type)) {
		devalidate_table(mfn, f->type, d);
		f->flags &= (uint8_t)~FF_VALIDATED;
	}
	f->type = FT_NONE;
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
