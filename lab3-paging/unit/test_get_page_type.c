/*
 * get_page_type (exercise 1) without any validation of entries: types
 * that are not page tables, and tables whose validated state the test
 * writes into the frame table by hand. Nothing here calls put_page_type
 * (exercise 2, test_put_page_type.c): where a test needs the state that
 * puts leave, it writes that state by hand, so that this test needs
 * exercise 1 alone.
 * Checked: a type reference is not a general one (count unchanged); the
 * type count goes up by one; the type changes only at type count 0,
 * -EBUSY (and nothing changed) otherwise, without validating the frame as
 * the new type; a table in use is not validated again; get_page_and_type
 * takes both references or none (-EBUSY, -EPERM for a frame of another
 * domain, of the VMM, past the frame table), and allows the shared-info
 * frame but never as a table.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include "unit_lab3.h"

#define A (UNIT_FIRST + 10) /* L1s, L2s or plain frames */
#define B (UNIT_FIRST + 11)

static struct domain *const d = &unit_d;

TestSuite(get_page_type, .init = unit_lab3_init);

Test(get_page_type, writable_counts)
{
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	assert_frame(A, 1, FT_WRITABLE, 1);
	assert_validated(A, 0);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	assert_frame(A, 1, FT_WRITABLE, 2);
	assert_validated(A, 0);
}

/* FT_GDT: another type that needs no validation. */
Test(get_page_type, type_changes_only_at_zero)
{
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), 0);
	unit_frames_save();
	cr_assert_eq(get_page_type(A, FT_GDT, d), -EBUSY);
	assert_frames_unchanged("refused type");
	unit_set_frame(A, 1, FT_WRITABLE, 1, 0); /* as one put leaves it */
	cr_assert_eq(get_page_type(A, FT_GDT, d), -EBUSY);
	assert_frame(A, 1, FT_WRITABLE, 1);
	unit_set_frame(A, 1, FT_NONE, 0, 0); /* as the last put leaves it */
	cr_assert_eq(get_page_type(A, FT_GDT, d), 0);
	assert_frame(A, 1, FT_GDT, 1);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), -EBUSY);
	assert_frame(A, 1, FT_GDT, 1);
}

/* A's contents would not validate: a conflict must not even try. */
Test(get_page_type, conflict_before_validation)
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
Test(get_page_type, table_in_use_not_revalidated)
{
	unit_set_frame(A, 1, FT_L1, 1, FF_VALIDATED);
	unit_table(A)[0] = PTE(UNIT_OTHER, RW);
	cr_assert_eq(get_page_type(A, FT_L1, d), 0);
	assert_frame(A, 1, FT_L1, 2);
	assert_validated(A, 1);
	cr_assert_eq(get_page_type(A, FT_WRITABLE, d), -EBUSY);
	cr_assert_eq(get_page_type(A, FT_L2, d), -EBUSY);
	assert_frame(A, 1, FT_L1, 2);
	assert_validated(A, 1);
}

Test(get_page_type, get_page_and_type)
{
	cr_assert_eq(get_page_and_type(A, FT_WRITABLE, d), 0);
	assert_frame(A, 2, FT_WRITABLE, 1);
	cr_assert_eq(get_page_and_type(A, FT_WRITABLE, d), 0);
	assert_frame(A, 3, FT_WRITABLE, 2);
	/* The shared-info frame may be mapped, even writable. */
	cr_assert_eq(get_page_and_type(UNIT_SHARED, FT_WRITABLE, d), 0);
	assert_frame(UNIT_SHARED, 2, FT_WRITABLE, 1);
}

Test(get_page_type, get_page_and_type_refused)
{
	unit_set_frame(B, 1, FT_L1, 1, FF_VALIDATED);
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
