/*
 * mmuext_op (hypercall 26): pinning page tables (exercise 6), switching
 * to another L2 (exercise 7), and the TLB operations.
 *
 * The TLB operations do nothing here: the kit switches address spaces on
 * every entry to and exit from the VMM (the trampoline of lab 1), and
 * every write to %cr3 flushes the TLB. They are still checked, so a guest
 * written for Xen, where they matter, works unchanged.
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

/*
 * Pin (PIN_L1_TABLE, PIN_L2_TABLE): frame mfn of d becomes a table of
 * `type` and stays one, validated, until unpinned, whatever else refers
 * to it: a pin is a reference (get_page_and_type) plus FF_PINNED. Pinning
 * a frame that is not d's: -EPERM; a pinned frame: -EINVAL. Unpin: the
 * frame must be d's and pinned (else -EINVAL); drops the pin's reference.
 * Unpinning a table still in use elsewhere is allowed: the other references
 * keep it a table.
 * The owner is checked before the pin flag: a domain must learn nothing
 * of another domain's frames (-EPERM whatever their state).
 */
static int pin(mfn_t mfn, int type, struct domain *d)
{
	/* BEGIN LAB 3 EXERCISE 6 (pin) */
	int rc;

	if (!mfn_valid(mfn) || mfn_to_frame(mfn)->owner != d->id)
		return -EPERM;
	if (mfn_to_frame(mfn)->flags & FF_PINNED)
		return -EINVAL;
	rc = get_page_and_type(mfn, type, d);
	if (rc)
		return rc;
	mfn_to_frame(mfn)->flags |= FF_PINNED;
	return 0;
	/* END LAB 3 EXERCISE 6 */
}

static int unpin(mfn_t mfn, struct domain *d)
{
	struct frame *f;

	if (!mfn_valid(mfn))
		return -EINVAL;
	f = mfn_to_frame(mfn);
	if (f->owner != d->id || !(f->flags & FF_PINNED))
		return -EINVAL;
	f->flags &= (uint8_t)~FF_PINNED;
	return table_put_preemptible(mfn, d);
}

/*
 * NEW_BASEPTR: the vCPU's address space becomes the one of L2 table mfn,
 * from its next return to the guest on. The new table takes a reference
 * as an L2 (validated now if it is not yet); the old one loses the
 * vCPU's. Returns 0 or the refusal of get_page_and_type.
 */
static int new_baseptr(struct vcpu *v, mfn_t mfn)
{
	/* BEGIN LAB 3 EXERCISE 7 (new_baseptr) */
	mfn_t old = v->cr3 >> PAGE_SHIFT;
	int rc;

	rc = get_page_and_type(mfn, FT_L2, v->domain);
	if (rc)
		return rc;
	v->cr3 = (paddr_t)mfn << PAGE_SHIFT;
	put_page_and_type(old, v->domain);
	return 0;
	/* END LAB 3 EXERCISE 7 */
}

/*
 * The preemptible steps around pin and new_baseptr (mm.h: a no-op in lab
 * 3; lab 4 validates a new L2 a budget at a time first). When the put of
 * the old base in new_baseptr would be its last, the old base is held
 * across it: the last put, which may devalidate the whole table, is then
 * the one below.
 */
static int pin_l2(mfn_t mfn, struct domain *d)
{
	int held = table_get_preemptible(mfn, d), rc;

	if (held < 0)
		return held;
	rc = pin(mfn, FT_L2, d);
	if (held)
		table_put_preemptible(mfn, d);
	return rc;
}

static int switch_base(struct vcpu *v, mfn_t mfn)
{
	mfn_t old = v->cr3 >> PAGE_SHIFT;
	int held = table_get_preemptible(mfn, v->domain), rc, hold;

	if (held < 0)
		return held;
	hold = old != mfn && mfn_to_frame(old)->type_count == 1;
	if (hold) /* the base: a validated L2, so this cannot fail */
		get_page_and_type(old, FT_L2, v->domain);
	rc = new_baseptr(v, mfn);
	if (held)
		table_put_preemptible(mfn, v->domain);
	if (hold)
		table_put_preemptible(old, v->domain);
	return rc ? rc : BATCH_REREAD; /* read the rest through the new base */
}

static int one_op(struct vcpu *v, const struct mmuext_op *op)
{
	struct domain *d = v->domain;

	switch (op->cmd) {
	case MMUEXT_PIN_L1_TABLE:
		return pin(op->arg1.mfn, FT_L1, d);
	case MMUEXT_PIN_L2_TABLE:
		return pin_l2(op->arg1.mfn, d);
	case MMUEXT_UNPIN_TABLE:
		return unpin(op->arg1.mfn, d);
	case MMUEXT_NEW_BASEPTR:
		return switch_base(v, op->arg1.mfn);
	case MMUEXT_TLB_FLUSH_LOCAL:
	case MMUEXT_TLB_FLUSH_MULTI:
	case MMUEXT_TLB_FLUSH_ALL:
		return 0;
	case MMUEXT_INVLPG_LOCAL:
	case MMUEXT_INVLPG_MULTI:
	case MMUEXT_INVLPG_ALL:
		return op->arg1.linear_addr < HOLE_START ? 0 : -EINVAL;
	}
	return -ENOSYS; /* including PIN_L3/L4: no such tables here */
}

static int one_op_of(const void *op, void *v)
{
	return one_op(v, op);
}

/* mmuext_op(ops, count, pdone, foreigndom): like mmu_update, the ops run
 * in order and stop at the first refused one (run_batch, batch.h). */
static long do_mmuext_op(unsigned long ops, unsigned long count,
			 unsigned long pdone, unsigned long foreigndom)
{
	struct batch b = { ops, sizeof(struct mmuext_op), count, pdone,
			   foreigndom };

	return run_batch(current->domain, &b, one_op_of, current);
}
HYPERCALL(__HYPERVISOR_mmuext_op, do_mmuext_op);
