/*
 * NEW_BASEPTR (exercise 7) through the mmuext_op hypercall (found through
 * the hypercall registry, since its handler is static). The op is read
 * from the guest at UNIT_VA (frame UNIT_DATA), pdone written at UNIT_VA +
 * 0xF00; the current vCPU's base is L2 UNIT_L2 (count 2, type count 1:
 * the base only; the set-up, shared with test_pin.c, is unit_mmuext.h's).
 * new_baseptr takes the new base with get_page_and_type, which validates
 * (exercises 1, 3 and 4), and drops the old one (exercise 2). Where a test
 * needs a pinned table, it writes the pin into the frame table by hand, as
 * pin (exercise 6, test_pin.c) leaves it, so that this test does not need
 * exercise 6.
 * Checked, with exact counts: new_baseptr validates the new L2, moves cr3
 * and drops the old base (devalidated when that was its last type
 * reference, kept when pinned); to the same L2, nothing changes and it is
 * not validated again (the hole keeps what the test wrote there); refused
 * (cr3 and counts unchanged) for an L1, a frame not ours, an L2 that does
 * not validate.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/mmu.h>
#include <public/xen.h>
#include "unit_mmuext.h"

TestSuite(new_baseptr, .init = unit_mmuext_setup);

/* A stand-in for pinning mfn (MMUEXT_PIN_*): the general and type
 * references pin takes on a table already validated, and FF_PINNED. */
static void pinned_by_hand(mfn_t mfn)
{
	struct frame *f = mfn_to_frame(mfn);

	cr_assert(f->flags & FF_VALIDATED, "frame %u is not a table",
		  (unsigned)mfn);
	f->count++;
	f->type_count++;
	f->flags |= FF_PINNED;
}

Test(new_baseptr, new_baseptr)
{
	cr_assert_eq(unit_op1(MMUEXT_NEW_BASEPTR, Q), 0);
	cr_assert_eq(unit_d.vcpu.cr3, (paddr_t)Q << PAGE_SHIFT);
	assert_frame(Q, 2, FT_L2, 1);
	assert_validated(Q, 1);
	assert_frame(UNIT_L2, 1, FT_NONE, 0);
	assert_validated(UNIT_L2, 0);
	assert_frame(UNIT_L1, 2, FT_L1, 1);
	assert_frame(E, 2, FT_L1, 1);
	assert_frame(UNIT_DATA, 2, FT_WRITABLE, 1);
}

/* The old base pinned: it stays an L2. */
Test(new_baseptr, new_baseptr_old_pinned)
{
	pinned_by_hand(UNIT_L2);
	cr_assert_eq(unit_op1(MMUEXT_NEW_BASEPTR, Q), 0);
	assert_frame(UNIT_L2, 2, FT_L2, 1);
	assert_validated(UNIT_L2, 1);
	assert_frame(UNIT_L1, 3, FT_L1, 2);
}

Test(new_baseptr, new_baseptr_same)
{
	unit_table(UNIT_L2)[1000] = 0x1234;
	unit_frames_save();
	cr_assert_eq(unit_op1(MMUEXT_NEW_BASEPTR, UNIT_L2), 0);
	cr_assert_eq(unit_d.vcpu.cr3, (paddr_t)UNIT_L2 << PAGE_SHIFT);
	assert_frames_unchanged("the same base again");
	cr_assert_eq(unit_table(UNIT_L2)[1000], 0x1234, "validated again");
}

static void base_refused(uint32_t mfn, int rc)
{
	unit_frames_save();
	cr_assert_eq(unit_op1(MMUEXT_NEW_BASEPTR, mfn), rc, "new base %u", mfn);
	cr_assert_eq(unit_d.vcpu.cr3, (paddr_t)UNIT_L2 << PAGE_SHIFT);
	assert_frames_unchanged("a refused new base");
}

Test(new_baseptr, new_baseptr_refused)
{
	base_refused(UNIT_L1, -EBUSY);
	base_refused(UNIT_DATA, -EBUSY);
	base_refused(UNIT_OTHER, -EPERM);
	base_refused(UNIT_SHARED, -EPERM);
	base_refused(BADL2, -EPERM);
}
