/*
 * Pinning (exercise 6) through the mmuext_op hypercall (found through the
 * hypercall registry, since its handler is static): pin, unpin, and the
 * TLB operations in a batch. The ops are read from the guest at UNIT_VA
 * (frame UNIT_DATA), pdone written at UNIT_VA + 0xF00; the current
 * vCPU's base is L2 UNIT_L2 (count 2, type count 1: the base only); the
 * set-up, shared with test_new_baseptr.c, is unit_mmuext.h's.
 * Pinning takes its references with get_page_and_type, which validates
 * (exercises 1, 3 and 4), and unpinning drops them (exercise 2); nothing
 * here switches to another L2 (exercise 7, test_new_baseptr.c).
 * Checked, with exact counts:
 *  - pinning an L1 or an L2 takes a general and a type reference,
 *    validates it if needed (hole filled for an L2) and sets FF_PINNED;
 *    pinning it again: -EINVAL; unpinning gives all back, an unpinned
 *    frame: -EINVAL; a table in use may be pinned and unpinned;
 *  - pin refused (nothing changed): a frame of another domain (even one
 *    it pinned), of the VMM, the shared-info frame, past the table
 *    (-EPERM); a frame mapped writable, an L1 as an L2 (-EBUSY); a table
 *    that does not validate; L3 / L4 tables (-ENOSYS);
 *  - ops run in order and stop at the first refused one (*pdone);
 *    invlpg in the hole: -EINVAL.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/mmu.h>
#include <public/xen.h>
#include "unit_mmuext.h"

TestSuite(pin, .init = unit_mmuext_setup);

static int pinned(mfn_t mfn)
{
	return !!(mfn_to_frame(mfn)->flags & FF_PINNED);
}

Test(pin, pin_l1)
{
	unit_frames_save();
	cr_assert_eq(unit_op1(MMUEXT_PIN_L1_TABLE, E), 0);
	assert_frame(E, 2, FT_L1, 1);
	cr_assert(pinned(E));
	assert_validated(E, 1);
	assert_frame(X, 2, FT_WRITABLE, 1);
	cr_assert_eq(unit_op1(MMUEXT_PIN_L1_TABLE, E), -EINVAL);
	cr_assert_eq(unit_op1(MMUEXT_PIN_L2_TABLE, E), -EINVAL);
	assert_frame(E, 2, FT_L1, 1);
	cr_assert_eq(unit_op1(MMUEXT_UNPIN_TABLE, E), 0);
	cr_assert(!pinned(E));
	assert_frames_unchanged("after unpin");
	cr_assert_eq(unit_op1(MMUEXT_UNPIN_TABLE, E), -EINVAL);
}

Test(pin, pin_l2)
{
	cr_assert_eq(unit_op1(MMUEXT_PIN_L2_TABLE, Q), 0);
	assert_frame(Q, 2, FT_L2, 1);
	cr_assert(pinned(Q) && !pinned(E) && !pinned(UNIT_L1));
	assert_validated(Q, 1);
	cr_assert_eq(unit_table(Q)[1023], 0xF000F000u | 1023, "no hole_fill");
	assert_frame(E, 2, FT_L1, 1);
	assert_frame(UNIT_L1, 3, FT_L1, 2);
}

/* A table in use, pinned and unpinned. */
Test(pin, pin_in_use)
{
	cr_assert_eq(unit_op1(MMUEXT_PIN_L1_TABLE, UNIT_L1), 0);
	assert_frame(UNIT_L1, 3, FT_L1, 2);
	cr_assert_eq(unit_op1(MMUEXT_UNPIN_TABLE, UNIT_L1), 0);
	assert_frame(UNIT_L1, 2, FT_L1, 1);
	assert_validated(UNIT_L1, 1);
}

static void pin_refused(uint32_t cmd, uint32_t mfn, int rc)
{
	unit_frames_save();
	cr_assert_eq(unit_op1(cmd, mfn), rc, "pin %u of %u", cmd, mfn);
	assert_frames_unchanged("a refused pin");
	cr_assert_eq(*unit_pdone, 0);
}

Test(pin, pin_refused)
{
	pin_refused(MMUEXT_PIN_L1_TABLE, UNIT_OTHER, -EPERM);
	mfn_to_frame(UNIT_OTHER + 1)->flags |= FF_PINNED; /* by domain 2 */
	pin_refused(MMUEXT_PIN_L1_TABLE, UNIT_OTHER + 1, -EPERM);
	pin_refused(MMUEXT_PIN_L2_TABLE, UNIT_VMM, -EPERM);
	pin_refused(MMUEXT_PIN_L1_TABLE, UNIT_SHARED, -EPERM);
	pin_refused(MMUEXT_PIN_L1_TABLE, UNIT_BAD, -EPERM);
	pin_refused(MMUEXT_PIN_L1_TABLE, UNIT_DATA, -EBUSY);
	pin_refused(MMUEXT_PIN_L2_TABLE, UNIT_L1, -EBUSY);
	pin_refused(MMUEXT_PIN_L2_TABLE, BADL2, -EPERM);
	pin_refused(MMUEXT_PIN_L3_TABLE, E, -ENOSYS);
	pin_refused(MMUEXT_PIN_L4_TABLE, E, -ENOSYS);
	pin_refused(MMUEXT_UNPIN_TABLE, UNIT_L2, -EINVAL);
}

Test(pin, in_order_until_refused)
{
	unit_ops[0] = (struct mmuext_op){ MMUEXT_PIN_L1_TABLE, { E }, { 0 } };
	unit_ops[1] =
		(struct mmuext_op){ MMUEXT_TLB_FLUSH_LOCAL, { 0 }, { 0 } };
	unit_ops[2] =
		(struct mmuext_op){ MMUEXT_INVLPG_LOCAL, { UNIT_VA }, { 0 } };
	unit_ops[3] =
		(struct mmuext_op){ MMUEXT_INVLPG_ALL, { HOLE_START }, { 0 } };
	unit_ops[4] = (struct mmuext_op){ MMUEXT_PIN_L2_TABLE, { Q }, { 0 } };
	cr_assert_eq(unit_mmuext_op(UNIT_VA, 5, PDONE, DOMID_SELF, 0), -EINVAL);
	cr_assert_eq(*unit_pdone, 3);
	cr_assert(pinned(E) && !pinned(Q));
	assert_frame(Q, 1, FT_NONE, 0);
	unit_ops[3].cmd = MMUEXT_TLB_FLUSH_ALL;
	unit_ops[0].cmd = MMUEXT_UNPIN_TABLE;
	cr_assert_eq(unit_mmuext_op(UNIT_VA, 5, PDONE, UNIT_DOMID, 0), 0);
	cr_assert_eq(*unit_pdone, 5);
	cr_assert(!pinned(E) && pinned(Q));
	assert_frame(E, 2, FT_L1, 1); /* now Q's */
	cr_assert_eq(unit_mmuext_op(UNIT_VA, 1, PDONE, UNIT_DOMID + 1, 0),
		     -EINVAL);
	cr_assert_eq(unit_mmuext_op(UNIT_VA, 1025, PDONE, DOMID_SELF, 0),
		     -EINVAL);
}
