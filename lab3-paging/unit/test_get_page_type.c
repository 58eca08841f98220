/*
 * Type references (exercises 1 get_page_type and 2 put_page_type) without
 * any validation of entries: types that are not page tables, and tables
 * whose validated state the test writes into the frame table by hand.
 * Checked: a type reference is not a general one (count unchanged); the
 * type count goes up and down by one, the type becomes FT_NONE at 0; the
 * type changes only at type count 0, -EBUSY (and nothing changed)
 * otherwise, without validating the frame as the new type; a table in use
 * is not validated again; the last put of an L1 releases exactly what its
 * present entries held (a general reference each, a FT_WRITABLE one for
 * writable ones) and clears FF_VALIDATED; the last put of an L2 releases
 * its L1s, and through them what they held, and ignores the hole slots;
 * get_page_and_type takes both references or none (-EBUSY, -EPERM for a
 * frame of another domain, of the VMM, past the frame table), and allows
 * the shared-info frame but never as a table.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include "unit_lab3.h"

#define A (UNIT_FIRST + 10) /* L1s, L2s or plain frames */
#define B (UNIT_FIRST + 11)
#define C (UNIT_FIRST + 12)
#define D (UNIT_FIRST + 13)
#define E (UNIT_FIRST + 14)

static struct domain *const d = &unit_d;

TestSuite(page_type, .init = unit_lab3_init);

/* Writes a frame's state as if the VMM had left it so. */
static void set_frame(mfn_t mfn, uint32_t count, int type, uint32_t tc,
		      uint8_t flags)
{
	struct frame *f = mfn_to_frame(mfn);

	f->count = count;
	f->type = (uint8_t)type;
	f->type_count = tc;
	f->flags = flags;
}

Test(page_type, writable_counts)
{
	unit_frames_save();
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	assert_frame(A, 1, FT_WRITABLE, 1);
	assert_validated(A, 0);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	assert_frame(A, 1, FT_WRITABLE, 2);
	put_page_type(A, d);
	assert_frame(A, 1, FT_WRITABLE, 1);
	put_page_type(A, d);
	assert_frame(A, 1, FT_NONE, 0);
	assert_frames_unchanged("after the last put");
}

/* FT_GDT: another type that needs no validation. */
Test(page_type, type_changes_only_at_zero)
{
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	unit_frames_save();
	cr_assert_eq(get_page_type(A, FT_GDT, d), -EBUSY);
	assert_frames_unchanged("refused type");
	put_page_type(A, d);
	cr_assert_eq(get_page_type(A, FT_GDT, d), -EBUSY);
	assert_frame(A, 1, FT_WRITABLE, 1);
	put_page_type(A, d);
	cr_assert_eq(get_page_type(A, FT_GDT, d), 0);
	assert_frame(A, 1, FT_GDT, 1);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), -EBUSY);
	assert_frame(A, 1, FT_GDT, 1);
}

/* A's contents would not validate: a conflict must not even try. */
Test(page_type, conflict_before_validation)
{
	unit_table(A)[0] = PTE(UNIT_OTHER, RW);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	unit_frames_save();
	cr_assert_eq(get_page_type(A, FT_L1, d), -EBUSY);
	cr_assert_eq(get_page_type(A, FT_L2, d), -EBUSY);
	assert_frames_unchanged("refused table type");
}

/* A validated L1 in use (changed behind the VMM's back so that it would
 * no longer validate) takes more references without a new validation. */
Test(page_type, table_in_use_not_revalidated)
{
	set_frame(A, 1, FT_L1, 1, FF_VALIDATED);
	unit_table(A)[0] = PTE(UNIT_OTHER, RW);
	cr_assert_eq(get_page_type(A, FT_L1, d), 0);
	assert_frame(A, 1, FT_L1, 2);
	assert_validated(A, 1);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), -EBUSY);
	cr_assert_eq(get_page_type(A, FT_L2, d), -EBUSY);
	assert_frame(A, 1, FT_L1, 2);
	put_page_type(A, d);
	assert_frame(A, 1, FT_L1, 1);
	assert_validated(A, 1);
	unit_table(A)[0] = 0;
	put_page_type(A, d);
	assert_frame(A, 1, FT_NONE, 0);
	assert_validated(A, 0);
}

/* L1 A as validation leaves it, with tc type references and count
 * general ones: A[0] and A[1023] map B writable, A[1] maps C read-only;
 * A[2] (B writable, not present) holds nothing. */
static void validated_l1(uint32_t count, uint32_t tc)
{
	uint32_t *a = unit_table(A);

	a[0] = PTE(B, RW);
	a[1] = PTE(C, PTE_P | PTE_U);
	a[2] = PTE(B, PTE_W);
	a[1023] = PTE(B, RWU | PTE_A | PTE_D);
	set_frame(A, count, FT_L1, tc, FF_VALIDATED);
	set_frame(B, 3, FT_WRITABLE, 2, 0);
	set_frame(C, 2, FT_NONE, 0, 0);
}

Test(page_type, last_put_releases_l1)
{
	validated_l1(1, 2); /* type references only */
	put_page_type(A, d);
	assert_frame(A, 1, FT_L1, 1);
	assert_frame(B, 3, FT_WRITABLE, 2);
	assert_frame(C, 2, FT_NONE, 0);
	put_page_type(A, d);
	assert_frame(A, 1, FT_NONE, 0);
	assert_validated(A, 0);
	assert_frame(B, 1, FT_NONE, 0);
	assert_frame(C, 1, FT_NONE, 0);
	cr_assert_eq(unit_table(A)[0], PTE(B, RW), "entries changed");
}

/* L2 D holds A twice (slots 0, 5) and the empty L1 E (slot 959); the
 * hole slots read as present entries of frames past the table. */
Test(page_type, last_put_releases_l2)
{
	uint32_t *dt = unit_table(D);

	validated_l1(3, 2);
	dt[0] = PTE(A, RWU);
	dt[5] = PTE(A, PTE_P);
	dt[959] = PTE(E, RW);
	hole_fill(d, dt);
	set_frame(E, 2, FT_L1, 1, FF_VALIDATED);
	set_frame(D, 1, FT_L2, 1, FF_VALIDATED);
	put_page_type(D, d);
	assert_frame(D, 1, FT_NONE, 0);
	assert_validated(D, 0);
	assert_frame(A, 1, FT_NONE, 0);
	assert_validated(A, 0);
	assert_frame(E, 1, FT_NONE, 0);
	assert_validated(E, 0);
	assert_frame(B, 1, FT_NONE, 0);
	assert_frame(C, 1, FT_NONE, 0);
}

Test(page_type, get_page_and_type)
{
	unit_frames_save();
	cr_assert_eq(get_page_and_type(A, FT_WRITABLE, d), 0);
	assert_frame(A, 2, FT_WRITABLE, 1);
	cr_assert_eq(get_page_and_type(A, FT_WRITABLE, d), 0);
	assert_frame(A, 3, FT_WRITABLE, 2);
	put_page_and_type(A, d);
	put_page_and_type(A, d);
	assert_frames_unchanged("after put_page_and_type");
	/* The shared-info frame may be mapped, even writable. */
	cr_assert_eq(get_page_and_type(UNIT_SHARED, FT_WRITABLE, d), 0);
	assert_frame(UNIT_SHARED, 2, FT_WRITABLE, 1);
	put_page_and_type(UNIT_SHARED, d);
	assert_frames_unchanged("after the shared-info frame");
}

Test(page_type, get_page_and_type_refused)
{
	set_frame(B, 1, FT_L1, 1, FF_VALIDATED);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	unit_frames_save();
	cr_assert_eq(get_page_and_type(A, FT_GDT, d), -EBUSY);
	cr_assert_eq(get_page_and_type(B, FT_WRITABLE, d), -EBUSY);
	cr_assert_eq(get_page_and_type(B, FT_L2, d), -EBUSY);
	assert_frames_unchanged("-EBUSY");
	cr_assert_eq(get_page_and_type(UNIT_OTHER, FT_WRITABLE, d), -EPERM);
	cr_assert_eq(get_page_and_type(UNIT_VMM, FT_WRITABLE, d), -EPERM);
	cr_assert_eq(get_page_and_type(UNIT_BAD, FT_WRITABLE, d), -EPERM);
	cr_assert_eq(get_page_and_type(UNIT_SHARED, FT_L1, d), -EPERM);
	cr_assert_eq(get_page_and_type(UNIT_SHARED, FT_L2, d), -EPERM);
	assert_frames_unchanged("-EPERM");
}
