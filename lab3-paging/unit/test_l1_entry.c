/*
 * The rules for L1 entries (exercise 3, get_page_from_l1e) and the
 * validation of whole L1 tables on their first typed use (through
 * exercises 1 and 2). Checked, with exact counts:
 *  - not present: no reference whatever the other bits say;
 *  - PSE/PAT (0x80) or G (0x100): -EINVAL; every other flag is allowed;
 *  - a frame of another domain, of the VMM, past the frame table: -EPERM;
 *  - read-only: one general reference; writable: also a FT_WRITABLE one;
 *    put_page_from_l1e gives them back;
 *  - writable mapping of a page table: -EBUSY, read-only is fine; the
 *    shared-info frame (the VMM's) may be mapped, even writable;
 *  - get_page_type FT_L1 validates every entry (0 to 1023), takes each
 *    entry's references once, sets FF_VALIDATED; the frames it maps
 *    writable become FT_WRITABLE and so cannot become tables; the last
 *    put releases it all; a refused entry (first, middle, last, any
 *    error) leaves the frame table exactly as before;
 *  - an L1 mapping itself writable is refused (-EBUSY); read-only is fine.
 * Every refusal is checked to change no frame record at all.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include "unit_lab3.h"

#define A (UNIT_FIRST + 10) /* the L1 under test */
#define B (UNIT_FIRST + 11) /* data frames */
#define C (UNIT_FIRST + 12)
#define D (UNIT_FIRST + 13)
#define T (UNIT_FIRST + 14) /* an L1 in use */

static struct domain *const d = &unit_d;

TestSuite(l1_entry, .init = unit_lab3_init);

/* get_page_from_l1e refuses e with rc and changes no frame record. */
static void refused(pte_t e, int rc)
{
	unit_frames_save();
	cr_assert_eq(get_page_from_l1e(e, d), rc, "entry %#x", e);
	assert_frames_unchanged("a refused L1 entry");
}

Test(l1_entry, not_present)
{
	unit_frames_save();
	cr_assert_eq(get_page_from_l1e(0, d), 0);
	cr_assert_eq(get_page_from_l1e(PTE(B, PTE_W | PTE_U), d), 0);
	cr_assert_eq(get_page_from_l1e(PTE(UNIT_OTHER, 0xFFE), d), 0);
	cr_assert_eq(get_page_from_l1e(0xFFFFFFFE, d), 0);
	assert_frames_unchanged("not-present entries");
}

Test(l1_entry, disallowed_bits)
{
	refused(PTE(B, PTE_P | PTE_PS), -EINVAL);
	refused(PTE(B, RW | PTE_PS), -EINVAL);
	refused(PTE(B, PTE_P | PTE_G), -EINVAL);
	refused(PTE(B, RWU | PTE_G), -EINVAL);
	/* Everything else is allowed. */
	cr_assert_eq(get_page_from_l1e(PTE(B, 0xE7F & ~PTE_W), d), 0);
	assert_frame(B, 2, FT_NONE, 0);
	cr_assert_eq(get_page_from_l1e(PTE(B, 0xE7F), d), 0);
	assert_frame(B, 3, FT_WRITABLE, 1);
}

Test(l1_entry, not_ours)
{
	refused(PTE(UNIT_OTHER, PTE_P), -EPERM);
	refused(PTE(UNIT_OTHER + 5, RW), -EPERM);
	refused(PTE(UNIT_VMM, PTE_P), -EPERM);
	refused(PTE(UNIT_VMM, RW), -EPERM);
	refused(PTE(0, PTE_P), -EPERM);
	refused(PTE(UNIT_BAD, PTE_P), -EPERM);
	refused(PTE(UNIT_BAD, RW), -EPERM);
	refused(PTE(0xFFFFF, RWU), -EPERM);
}

Test(l1_entry, references_and_puts)
{
	unit_frames_save();
	cr_assert_eq(get_page_from_l1e(PTE(B, PTE_P), d), 0);
	assert_frame(B, 2, FT_NONE, 0);
	cr_assert_eq(get_page_from_l1e(PTE(B, RW), d), 0);
	assert_frame(B, 3, FT_WRITABLE, 1);
	cr_assert_eq(get_page_from_l1e(PTE(B, RWU), d), 0);
	assert_frame(B, 4, FT_WRITABLE, 2);
	put_page_from_l1e(PTE(B, RW), d);
	put_page_from_l1e(PTE(B, PTE_P), d);
	assert_frame(B, 2, FT_WRITABLE, 1);
	put_page_from_l1e(PTE(B, RWU), d);
	assert_frames_unchanged("after the puts");
}

/* The shared-info frame may be mapped, not made a table (test_l2_entry
 * refuses an L2 entry to it). */
Test(l1_entry, shared_info)
{
	cr_assert_eq(get_page_from_l1e(PTE(UNIT_SHARED, PTE_P), d), 0);
	cr_assert_eq(get_page_from_l1e(PTE(UNIT_SHARED, RW), d), 0);
	assert_frame(UNIT_SHARED, 3, FT_WRITABLE, 1);
}

Test(l1_entry, writable_table_refused)
{
	cr_assert_eq(get_page_type(T, FT_L1, d), 0); /* an empty L1 */
	assert_frame(T, 1, FT_L1, 1);
	assert_validated(T, 1);
	refused(PTE(T, RW), -EBUSY);
	refused(PTE(T, RWU | PTE_A), -EBUSY);
	cr_assert_eq(get_page_from_l1e(PTE(T, PTE_P), d), 0);
	assert_frame(T, 2, FT_L1, 1);
}

/* A: B writable (twice), C read-only, D writable at the last entry. */
static void fill_a(void)
{
	uint32_t *a = unit_table(A);

	a[0] = PTE(B, RW);
	a[1] = PTE(C, PTE_P | PTE_U);
	a[2] = PTE(B, RWU);
	a[3] = PTE(UNIT_OTHER, PTE_W); /* not present */
	a[1023] = PTE(D, RW);
}

Test(l1_entry, validation)
{
	fill_a();
	unit_frames_save();
	cr_assert_eq(get_page_type(A, FT_L1, d), 0);
	assert_frame(A, 1, FT_L1, 1);
	assert_validated(A, 1);
	assert_frame(B, 3, FT_WRITABLE, 2);
	assert_frame(C, 2, FT_NONE, 0);
	assert_frame(D, 2, FT_WRITABLE, 1);
	/* A second type reference takes nothing more. */
	cr_assert_eq(get_page_type(A, FT_L1, d), 0);
	assert_frame(A, 1, FT_L1, 2);
	assert_frame(B, 3, FT_WRITABLE, 2);
	/* Frames mapped writable cannot become tables meanwhile. */
	cr_assert_eq(get_page_type(B, FT_L1, d), -EBUSY);
	cr_assert_eq(get_page_type(D, FT_L2, d), -EBUSY);
	put_page_type(A, d);
	assert_frame(A, 1, FT_L1, 1);
	assert_frame(D, 2, FT_WRITABLE, 1);
	put_page_type(A, d);
	assert_validated(A, 0);
	assert_frames_unchanged("after the last put of the L1");
	cr_assert_eq(get_page_type(B, FT_L1, d), 0, "B is free to be an L1");
}

/* A fails validation with rc at entry i, after taking the references of
 * the entries of fill_a before it: all are undone. */
static void fails_at(unsigned i, pte_t bad, int rc)
{
	unit_lab3_init();
	fill_a();
	unit_table(A)[i] = bad;
	unit_frames_save();
	cr_assert_eq(get_page_type(A, FT_L1, d), rc, "entry %u = %#x", i, bad);
	assert_validated(A, 0);
	assert_frames_unchanged("after a refused validation");
	/* Validation happens at the first typed use: fixed, it validates. */
	unit_table(A)[i] = 0;
	cr_assert_eq(get_page_type(A, FT_L1, d), 0);
	assert_validated(A, 1);
}

Test(l1_entry, validation_undone)
{
	fails_at(0, PTE(UNIT_OTHER, PTE_P), -EPERM);
	fails_at(2, PTE(C, PTE_P | PTE_G), -EINVAL);
	fails_at(700, PTE(UNIT_BAD, RW), -EPERM);
	fails_at(1023, PTE(D, RW | PTE_PS), -EINVAL);
	fails_at(1023, PTE(UNIT_VMM, PTE_P), -EPERM);
}

Test(l1_entry, validation_undone_on_busy)
{
	cr_assert_eq(get_page_type(T, FT_L1, d), 0);
	fill_a();
	unit_table(A)[500] = PTE(T, RW);
	unit_frames_save();
	cr_assert_eq(get_page_type(A, FT_L1, d), -EBUSY);
	assert_frames_unchanged("after a refused validation");
}

Test(l1_entry, self_map)
{
	int rc;

	fill_a();
	unit_table(A)[700] = PTE(A, RW);
	unit_frames_save();
	rc = get_page_type(A, FT_L1, d);
	cr_assert_eq(rc, -EBUSY,
		     "an L1 mapping itself writable: %d, want -EBUSY (does "
		     "get_page_type, exercise 1, take the type before it "
		     "validates?)",
		     rc);
	assert_frames_unchanged("L1 mapping itself writable");
	/* Read-only, it may map itself: a general reference on itself. */
	unit_table(A)[700] = PTE(A, PTE_P);
	cr_assert_eq(get_page_type(A, FT_L1, d), 0);
	assert_frame(A, 2, FT_L1, 1);
	assert_frame(B, 3, FT_WRITABLE, 2);
	put_page_type(A, d);
	assert_frames_unchanged("after the last put");
}
