/*
 * put_page_type (exercise 2) on frames whose type references the test
 * writes into the frame table by hand, as get_page_type and validation
 * leave them, so that this test needs exercise 2 alone: nothing here calls
 * get_page_type (exercise 1, test_get_page_type.c).
 * Checked: the type count goes down by one, the type becomes FT_NONE at 0
 * and not before, and the general count is not touched; a put that is
 * not the last leaves a table as it is (validated, its entries still
 * holding their references); the last put of an L1 releases exactly what
 * its present entries held (a general reference each, a FT_WRITABLE one
 * for writable ones) and clears FF_VALIDATED; the last put of an L2
 * releases its L1s, and through them what they held, and ignores the hole
 * slots; put_page_and_type drops both references; a put with no type
 * reference panics.
 */
#include <signal.h>
#include <criterion/criterion.h>
#include "unit_lab3.h"

#define A (UNIT_FIRST + 10) /* L1s, L2s or plain frames */
#define B (UNIT_FIRST + 11)
#define C (UNIT_FIRST + 12)
#define D (UNIT_FIRST + 13)
#define E (UNIT_FIRST + 14)

static struct domain *const d = &unit_d;

TestSuite(put_page_type, .init = unit_lab3_init);

/* A put with no type reference to drop is a VMM bug: it panics, whatever
 * the type says (a count that went below 0 would wrap to 4 billion). */
Test(put_page_type, no_type_reference_panics, .signal = SIGABRT)
{
	unit_set_frame(A, 1, FT_WRITABLE, 0, 0);
	put_page_type(A, d);
	cr_assert_fail("put_page_type returned for a FT_WRITABLE frame with "
		       "type count 0: it must panic (BUG_ON)");
}

Test(put_page_type, untyped_panics, .signal = SIGABRT)
{
	unit_set_frame(A, 1, FT_NONE, 0, 0);
	put_page_type(A, d);
	cr_assert_fail("put_page_type returned for an untyped frame: it must "
		       "panic (BUG_ON)");
}

/* Two FT_WRITABLE references (as two get_page_type calls leave them). */
Test(put_page_type, writable_counts)
{
	unit_frames_save();
	unit_set_frame(A, 1, FT_WRITABLE, 2, 0);
	put_page_type(A, d);
	assert_frame(A, 1, FT_WRITABLE, 1);
	put_page_type(A, d);
	assert_frame(A, 1, FT_NONE, 0);
	assert_frames_unchanged("after the last put");
}

/* FT_GDT: the type stays while a type reference is left. */
Test(put_page_type, type_changes_only_at_zero)
{
	unit_set_frame(A, 2, FT_GDT, 3, 0);
	put_page_type(A, d);
	assert_frame(A, 2, FT_GDT, 2);
	put_page_type(A, d);
	assert_frame(A, 2, FT_GDT, 1);
	put_page_type(A, d);
	assert_frame(A, 2, FT_NONE, 0);
}

/* A validated L1 with two type references, changed behind the VMM's back
 * so that its entry holds nothing: a put that is not the last must not
 * release its entries (that would put a reference never taken). */
Test(put_page_type, table_in_use_kept)
{
	unit_set_frame(A, 1, FT_L1, 2, FF_VALIDATED);
	unit_table(A)[0] = PTE(UNIT_OTHER, RW);
	unit_frames_save();
	put_page_type(A, d);
	assert_frame(A, 1, FT_L1, 1);
	assert_validated(A, 1);
	assert_frame(UNIT_OTHER, 1, FT_NONE, 0);
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
	unit_set_frame(A, count, FT_L1, tc, FF_VALIDATED);
	unit_set_frame(B, 3, FT_WRITABLE, 2, 0);
	unit_set_frame(C, 2, FT_NONE, 0, 0);
}

Test(put_page_type, last_put_releases_l1)
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
Test(put_page_type, last_put_releases_l2)
{
	uint32_t *dt = unit_table(D);

	validated_l1(3, 2);
	dt[0] = PTE(A, RWU);
	dt[5] = PTE(A, PTE_P);
	dt[959] = PTE(E, RW);
	hole_fill(d, dt);
	unit_set_frame(E, 2, FT_L1, 1, FF_VALIDATED);
	unit_set_frame(D, 1, FT_L2, 1, FF_VALIDATED);
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

/* The references two get_page_and_type calls take, given back. */
Test(put_page_type, put_page_and_type)
{
	unit_frames_save();
	unit_set_frame(A, 3, FT_WRITABLE, 2, 0);
	put_page_and_type(A, d);
	assert_frame(A, 2, FT_WRITABLE, 1);
	put_page_and_type(A, d);
	assert_frames_unchanged("after put_page_and_type");
	/* The shared-info frame, mapped writable. */
	unit_set_frame(UNIT_SHARED, 2, FT_WRITABLE, 1, 0);
	put_page_and_type(UNIT_SHARED, d);
	assert_frames_unchanged("after the shared-info frame");
}
