/*
 * Preemptible L2 tables (lab 4; the hooks are lab 3's, mm.h). Pinning an
 * L2 whose 959 guest entries point to full L1s validates 982,016 entries:
 * about 58 million instructions, and unpinning it as many. Here that
 * work stops when the stay's budget is used up (hypercall_preempt_check)
 * and goes on in the next entry into the VMM, as Xen does since XSA-45.
 *
 * A table stopped half way keeps its progress in its frame record:
 *
 *   FF_PARTIAL  validation under way: entries [0, part.hi) hold their
 *               references; the next call of table_get_preemptible for
 *               it goes on from part.hi.
 *   FF_PUTTING  devalidation under way: entries [part.lo, part.hi) still
 *               hold theirs; it is the domain's ext.put_mfn, and every
 *               batch hypercall goes on with it first (run_batch).
 *
 * In both states the frame is an FT_L2 with one type and one general
 * reference, owned by the work under way, and without FF_VALIDATED: so
 * mmu_update cannot change its entries (table_at refuses), nothing can
 * map it writable or use it as an L1 (-EBUSY), and the entries that hold
 * references stay the ones that took them. Each step is one entry (at
 * most one L1's validation: about 60,000 instructions), and every call
 * does at least one, so each call makes progress.
 */
#include <public/errno.h>
#include <vmm/domain.h>
#include <vmm/hypercall.h>
#include <vmm/memlayout.h>
#include <vmm/mm.h>
#include <vmm/preempt.h>

static pde_t *table(mfn_t mfn)
{
	return P2V((paddr_t)mfn << PAGE_SHIFT);
}

/* Releases entries [lo, hi) of a putting table from lo up; with
 * `preemptible`, stops (-ERESTART) before a present entry but the first
 * when preemption is due (an absent one costs a few instructions: no
 * check). 0 when all are released. */
static int put_entries(mfn_t mfn, struct domain *d, int preemptible)
{
	struct frame *f = mfn_to_frame(mfn);
	const pde_t *t = table(mfn);
	unsigned i = f->part.lo, first = i, end = f->part.hi;

	for (; i < end; i++) {
		if (!(t[i] & PTE_P))
			continue;
		if (preemptible && i != first && hypercall_preempt_check()) {
			f->part.lo = (uint16_t)i;
			return -ERESTART;
		}
		put_page_from_l2e(t[i], d);
	}
	f->part.lo = (uint16_t)end;
	return 0;
}

/* Goes on with d's pending devalidation: 0 or the saved refusal when it
 * has ended (the frame is FT_NONE again, its two references gone), or
 * -ERESTART. */
static int put_run(struct domain *d, int preemptible)
{
	mfn_t mfn = d->ext.put_mfn;
	struct frame *f = mfn_to_frame(mfn);
	int rc = put_entries(mfn, d, preemptible);

	if (rc)
		return rc;
	f->flags &= (uint8_t)~FF_PUTTING;
	f->type = FT_NONE;
	f->type_count = 0;
	put_page(mfn);
	rc = d->ext.put_rc;
	tables_pending--;
	d->ext.put_mfn = 0;
	d->ext.put_rc = 0;
	return rc;
}

/* Ends d's pending devalidation, if any, in one go. */
static void put_finish(struct domain *d)
{
	if (d->ext.put_mfn)
		put_run(d, 0);
}

/* Makes table mfn (its entries [lo, hi) holding references, its last
 * type reference and one general reference owned by this work) d's
 * pending devalidation, to report rc when it ends, and goes on with it. */
static int put_start(mfn_t mfn, struct domain *d, unsigned lo, unsigned hi,
		     int rc)
{
	struct frame *f = mfn_to_frame(mfn);

	put_finish(d); /* cannot happen (ext_tables.h): never two at once */
	f->flags &= (uint8_t) ~(FF_PARTIAL | FF_VALIDATED);
	f->flags |= FF_PUTTING;
	f->part.lo = (uint16_t)lo;
	f->part.hi = (uint16_t)hi;
	d->ext.put_mfn = mfn;
	d->ext.put_rc = rc;
	tables_pending++;
	return put_run(d, 1);
}

int table_pending(struct domain *d)
{
	return d->ext.put_mfn != 0;
}

int table_pending_run(struct domain *d)
{
	return d->ext.put_mfn ? put_run(d, 1) : 0;
}

/* Validates entries [part.hi, end) of a partial table, stopping before a
 * present entry but the first when preemption is due; 0, -ERESTART or a
 * refusal (the refused entry is part.hi and holds nothing). */
static int get_entries(mfn_t mfn, struct domain *d)
{
	struct frame *f = mfn_to_frame(mfn);
	const pde_t *t = table(mfn);
	unsigned i = f->part.hi, first = i;
	int rc = 0;

	for (; i < HOLE_FIRST_SLOT; i++) {
		if (!(t[i] & PTE_P))
			continue;
		if (i != first && hypercall_preempt_check()) {
			rc = -ERESTART;
			break;
		}
		rc = get_page_from_l2e(t[i], d);
		if (rc)
			break;
	}
	f->part.hi = (uint16_t)i;
	return rc;
}

int table_get_preemptible(mfn_t mfn, struct domain *d)
{
	struct frame *f;
	int rc;

	if (!mfn_valid(mfn) || mfn_to_frame(mfn)->owner != d->id)
		return 0; /* lab 3's code refuses it */
	f = mfn_to_frame(mfn);
	if (f->flags & FF_PUTTING) { /* the put ends before a new get */
		rc = put_run(d, 1);
		if (rc)
			return rc;
	}
	if (!(f->flags & FF_PARTIAL)) {
		if (f->type_count)
			return 0; /* a table already, or busy: lab 3 decides */
		get_page(mfn, d);
		f->type = FT_L2; /* taken first, as get_page_type does */
		f->type_count = 1;
		f->flags |= FF_PARTIAL;
		f->part.lo = f->part.hi = 0;
	}
	rc = get_entries(mfn, d);
	if (rc == -ERESTART)
		return rc;
	if (rc) /* undo what the entries before took, then report rc */
		return put_start(mfn, d, 0, f->part.hi, rc);
	hole_fill(d, table(mfn));
	f->flags &= (uint8_t)~FF_PARTIAL;
	f->flags |= FF_VALIDATED;
	return 1;
}

int table_put_preemptible(mfn_t mfn, struct domain *d)
{
	struct frame *f = mfn_to_frame(mfn);
	int rc;

	if (f->type != FT_L2 || f->type_count != 1 ||
	    !(f->flags & FF_VALIDATED)) {
		put_page_and_type(mfn, d);
		return 0;
	}
	/* The last reference of a validated L2: devalidate in steps. */
	rc = put_start(mfn, d, 0, HOLE_FIRST_SLOT, 0);
	return rc == -ERESTART ? 0 : rc; /* run_batch goes on with the rest */
}

/*
 * A dying domain's tables (lab 1's domain_relinquish, before the
 * TEARDOWN_STEPs): its base, its pins and any table stopped half way are
 * released here, a budget at a time, so that lab 3's release_tables finds
 * nothing left but the M2P. Lab 1's domain_destroy leaves the domain
 * DOM_DYING while this returns -ERESTART; every return to a guest
 * (include/vmm/entry_events.h) and the idle loop (block.c) call it again. A
 * build that failed never ran: lab 3's release_tables does all, in one
 * go.
 */

/* The next frame of d, from reap_pfn on, with a pin or a table stopped
 * half way: reap_pfn moves to it. INVALID_MFN when there is none. */
static mfn_t next_held(struct domain *d)
{
	for (; d->ext.reap_pfn < d->nr_pages; d->ext.reap_pfn++) {
		mfn_t mfn = d->p2m[d->ext.reap_pfn];

		if (mfn != INVALID_MFN &&
		    (mfn_to_frame(mfn)->flags & (FF_PINNED | FF_PARTIAL)))
			return mfn;
	}
	return INVALID_MFN;
}

/* Releases the pin of frame mfn, or the work stopped half way on it. */
static void release_frame(mfn_t mfn, struct domain *d)
{
	struct frame *f = mfn_to_frame(mfn);

	if (f->flags & FF_PARTIAL) {
		put_start(mfn, d, 0, f->part.hi, 0);
		return;
	}
	f->flags &= (uint8_t)~FF_PINNED;
	table_put_preemptible(mfn, d);
}

int domain_relinquish(struct domain *d)
{
	mfn_t base = d->vcpu.cr3 >> PAGE_SHIFT, mfn;
	int did = 0;

	if (d->state != DOM_RUNNING && d->state != DOM_DYING)
		return 0;
	if (d->vcpu.cr3 && mfn_to_frame(base)->type == FT_L2) {
		d->vcpu.cr3 = 0; /* the vCPU's reference, first */
		table_put_preemptible(base, d);
		did = 1;
	}
	for (;;) {
		if (d->ext.put_mfn && put_run(d, 1) == -ERESTART)
			return -ERESTART;
		mfn = next_held(d);
		if (mfn == INVALID_MFN)
			return 0;
		if (did && hypercall_preempt_check())
			return -ERESTART;
		d->ext.reap_pfn++;
		release_frame(mfn, d);
		did = 1;
	}
}
