/*
 * mod_entry (exercise 5) on validated tables: L2 P (slot 0: L1 A, which
 * maps B writable at 0 and C read-only at 1). Checked, with exact counts:
 *  - an L1 entry set, replaced (the old frame released, the new one
 *    referenced), cleared, made read-only or writable in place; entries
 *    960..1023 of an L1 are ordinary; an L1 may map itself read-only;
 *  - an L2 entry set to a new L1 (validated then), moved to another L1
 *    (the old one devalidated, with what it mapped), cleared;
 *  - new references are taken before the old ones are dropped: rewriting
 *    P[0] with A again keeps A alive (A, changed behind the VMM's back so
 *    that it would no longer validate, is not validated again);
 *  - an L2 index in the hole: -EPERM before any reference is taken;
 *  - refusals (-EINVAL, -EPERM, -EBUSY for a writable mapping of a table
 *    or of the L1 itself, an L2 entry to P itself, to another L2, to a
 *    frame mapped writable, to an L1 that does not validate) leave the
 *    whole table page and the whole frame table unchanged.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include "unit_lab3.h"

#define P (UNIT_FIRST + 30) /* the L2 */
#define A (UNIT_FIRST + 31) /* its L1 at slot 0 */
#define B (UNIT_FIRST + 32)
#define C (UNIT_FIRST + 33)
#define D (UNIT_FIRST + 34)
#define E (UNIT_FIRST + 35) /* an L1 mapping D writable */
#define F (UNIT_FIRST + 36) /* an L1 that does not validate */
#define Q (UNIT_FIRST + 37) /* another L2, validated */

static struct domain *const d = &unit_d;

static void setup(void)
{
	unit_lab3_init();
	unit_table(P)[0] = PTE(A, RWU);
	unit_table(A)[0] = PTE(B, RW);
	unit_table(A)[1] = PTE(C, PTE_P);
	unit_table(E)[0] = PTE(D, RW);
	unit_table(F)[9] = PTE(UNIT_VMM, PTE_P);
	cr_assert_eq(get_page_type(P, FT_L2, d), 0);
	cr_assert_eq(get_page_type(Q, FT_L2, d), 0);
	assert_frame(A, 2, FT_L1, 1);
	assert_frame(B, 2, FT_WRITABLE, 1);
}

TestSuite(mod_entry, .init = setup);

Test(mod_entry, l1_set_replace_clear)
{
	uint32_t *a = unit_table(A);

	cr_assert_eq(mod_entry(A, FT_L1, 5, PTE(D, RW), d), 0);
	cr_assert_eq(a[5], PTE(D, RW));
	assert_frame(D, 2, FT_WRITABLE, 1);
	cr_assert_eq(mod_entry(A, FT_L1, 0, PTE(D, PTE_P), d), 0);
	cr_assert_eq(a[0], PTE(D, PTE_P));
	assert_frame(B, 1, FT_NONE, 0);
	assert_frame(D, 3, FT_WRITABLE, 1);
	cr_assert_eq(mod_entry(A, FT_L1, 5, 0, d), 0);
	cr_assert_eq(a[5], 0);
	assert_frame(D, 2, FT_NONE, 0);
	cr_assert_eq(mod_entry(A, FT_L1, 1000, PTE(C, RW), d), 0);
	cr_assert_eq(a[1000], PTE(C, RW));
	assert_frame(C, 3, FT_WRITABLE, 1);
	assert_frame(A, 2, FT_L1, 1);
}

Test(mod_entry, l1_same_frame)
{
	cr_assert_eq(mod_entry(A, FT_L1, 0, PTE(B, RW | PTE_A | PTE_D), d), 0);
	assert_frame(B, 2, FT_WRITABLE, 1);
	cr_assert_eq(mod_entry(A, FT_L1, 0, PTE(B, PTE_P), d), 0);
	assert_frame(B, 2, FT_NONE, 0);
	cr_assert_eq(mod_entry(A, FT_L1, 0, PTE(B, RWU), d), 0);
	assert_frame(B, 2, FT_WRITABLE, 1);
	cr_assert_eq(unit_table(A)[0], PTE(B, RWU));
}

Test(mod_entry, l1_maps_itself_readonly)
{
	cr_assert_eq(mod_entry(A, FT_L1, 9, PTE(A, PTE_P), d), 0);
	assert_frame(A, 3, FT_L1, 1);
	cr_assert_eq(mod_entry(A, FT_L1, 9, PTE(A, RW), d), -EBUSY);
	cr_assert_eq(unit_table(A)[9], PTE(A, PTE_P));
	cr_assert_eq(mod_entry(A, FT_L1, 9, 0, d), 0);
	assert_frame(A, 2, FT_L1, 1);
}

Test(mod_entry, l2_set_move_clear)
{
	uint32_t *p = unit_table(P);

	cr_assert_eq(mod_entry(P, FT_L2, 3, PTE(E, RW), d), 0);
	cr_assert_eq(p[3], PTE(E, RW));
	assert_frame(E, 2, FT_L1, 1);
	assert_validated(E, 1);
	assert_frame(D, 2, FT_WRITABLE, 1);
	cr_assert_eq(mod_entry(P, FT_L2, 0, PTE(E, PTE_P), d), 0);
	assert_frame(A, 1, FT_NONE, 0);
	assert_validated(A, 0);
	assert_frame(B, 1, FT_NONE, 0);
	assert_frame(C, 1, FT_NONE, 0);
	assert_frame(E, 3, FT_L1, 2);
	cr_assert_eq(mod_entry(P, FT_L2, 3, 0, d), 0);
	cr_assert_eq(mod_entry(P, FT_L2, 0, 0, d), 0);
	assert_frame(E, 1, FT_NONE, 0);
	assert_frame(D, 1, FT_NONE, 0);
	cr_assert_eq(mod_entry(P, FT_L2, 959, PTE(A, RW), d), 0);
	assert_frame(A, 2, FT_L1, 1);
	assert_frame(P, 1, FT_L2, 1);
}

/* A would fail validation now (A[7] is another domain's frame, with a
 * count of 2 so that releasing it would not panic): rewriting P[0] must
 * not drop A's last type reference first. */
Test(mod_entry, same_l1_kept_alive)
{
	unit_table(A)[7] = PTE(UNIT_OTHER, PTE_P);
	mfn_to_frame(UNIT_OTHER)->count = 2;
	cr_assert_eq(mod_entry(P, FT_L2, 0, PTE(A, RWU | PTE_A), d), 0,
		     "A was validated again");
	cr_assert_eq(unit_table(P)[0], PTE(A, RWU | PTE_A));
	assert_frame(A, 2, FT_L1, 1);
	assert_validated(A, 1);
	assert_frame(B, 2, FT_WRITABLE, 1);
	cr_assert_eq(mfn_to_frame(UNIT_OTHER)->count, 2);
}

/* mod_entry refuses with rc and changes neither the table nor any frame
 * record. */
static void refused(mfn_t mfn, int type, unsigned index, uint32_t val, int rc)
{
	static uint32_t page[ENTRIES_PER_TABLE];

	memcpy(page, unit_table(mfn), sizeof(page));
	unit_frames_save();
	cr_assert_eq(mod_entry(mfn, type, index, val, d), rc,
		     "entry %u of %u := %#x", index, (unsigned)mfn, val);
	cr_assert_arr_eq(unit_table(mfn), page, sizeof(page),
			 "table %u changed", (unsigned)mfn);
	assert_frames_unchanged("a refused mod_entry");
}

Test(mod_entry, hole_refused)
{
	refused(P, FT_L2, HOLE_FIRST_SLOT, PTE(E, RW), -EPERM);
	refused(P, FT_L2, 961, PTE(A, PTE_P), -EPERM);
	refused(P, FT_L2, 1023, PTE(E, PTE_P), -EPERM);
	refused(P, FT_L2, 1000, 0, -EPERM);
	cr_assert_eq(unit_table(P)[1000], 0xF000F000u | 1000);
}

Test(mod_entry, l1_refusals)
{
	refused(A, FT_L1, 0, PTE(UNIT_OTHER, PTE_P), -EPERM);
	refused(A, FT_L1, 0, PTE(UNIT_BAD, RW), -EPERM);
	refused(A, FT_L1, 0, PTE(D, RW | PTE_G), -EINVAL);
	refused(A, FT_L1, 1, PTE(C, PTE_P | PTE_PS), -EINVAL);
	refused(A, FT_L1, 0, PTE(A, RW), -EBUSY);
	refused(A, FT_L1, 5, PTE(P, RW), -EBUSY);
	refused(A, FT_L1, 1023, PTE(Q, RWU), -EBUSY);
}

Test(mod_entry, l2_refusals)
{
	refused(P, FT_L2, 0, PTE(P, PTE_P), -EBUSY);
	refused(P, FT_L2, 1, PTE(P, RW), -EBUSY);
	refused(P, FT_L2, 0, PTE(Q, RW), -EBUSY);
	refused(P, FT_L2, 0, PTE(B, RW), -EBUSY);
	refused(P, FT_L2, 0, PTE(A, RW | PTE_PS), -EINVAL);
	refused(P, FT_L2, 2, PTE(E, PTE_P | PTE_G), -EINVAL);
	refused(P, FT_L2, 0, PTE(F, RW), -EPERM);
	refused(P, FT_L2, 2, PTE(UNIT_SHARED, RW), -EPERM);
	refused(P, FT_L2, 2, PTE(UNIT_OTHER, RW), -EPERM);
}
