/*
 * The rules for L2 entries (exercise 4, get_page_from_l2e) and the
 * validation of whole L2 tables (through exercises 1 to 3). Checked, with
 * exact counts:
 *  - not present: no reference; PSE (0x80) or G (0x100): -EINVAL before
 *    the target is touched; other flags allowed;
 *  - a present entry takes a general and a FT_L1 reference on its target,
 *    validating it as an L1 on first use (what that L1 maps is referenced
 *    once, however many entries point to it);
 *  - targets that are not, and cannot become, L1s: a frame mapped
 *    writable or an L2 (-EBUSY), a frame of another domain, of the VMM,
 *    past the table, the shared-info frame (-EPERM), an L1 that does not
 *    validate (its error, and nothing left behind);
 *  - get_page_type FT_L2 validates slots 0..959 only, then hole_fill
 *    writes the hole (whatever it held before); the last put releases
 *    every L1 and what they held; an L1 shared by two L2s lives on until
 *    the second goes;
 *  - an L2 pointing to itself (even read-only) or to another L2: -EBUSY,
 *    and an L1 in use cannot become an L2;
 *  - a refused validation, however deep (an L1 that fails halfway
 *    through), leaves the frame table exactly as before.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include "unit_lab3.h"

#define P (UNIT_FIRST + 20) /* the L2 under test */
#define Q (UNIT_FIRST + 21) /* another L2 */
#define A (UNIT_FIRST + 22) /* L1: B writable, C read-only */
#define E (UNIT_FIRST + 23) /* an empty L1 */
#define F (UNIT_FIRST + 24) /* an L1 whose third entry is refused */
#define B (UNIT_FIRST + 25)
#define C (UNIT_FIRST + 26)
#define W (UNIT_FIRST + 27) /* mapped writable */

static struct domain *const d = &unit_d;

static void setup(void)
{
	unit_lab3_init();
	unit_table(A)[0] = PTE(B, RW);
	unit_table(A)[1] = PTE(C, PTE_P);
	unit_table(F)[0] = PTE(C, RW);
	unit_table(F)[1] = PTE(B, PTE_P);
	unit_table(F)[2] = PTE(UNIT_OTHER, PTE_P);
}

TestSuite(l2_entry, .init = setup);

static void refused(pde_t e, int rc)
{
	unit_frames_save();
	cr_assert_eq(get_page_from_l2e(e, d), rc, "entry %#x", e);
	assert_frames_unchanged("a refused L2 entry");
}

Test(l2_entry, not_present_and_bits)
{
	unit_frames_save();
	cr_assert_eq(get_page_from_l2e(0, d), 0);
	cr_assert_eq(get_page_from_l2e(PTE(F, RW & ~PTE_P), d), 0);
	cr_assert_eq(get_page_from_l2e(PTE(UNIT_OTHER, 0xFFE), d), 0);
	assert_frames_unchanged("not-present entries");
	refused(PTE(A, RWU | PTE_PS), -EINVAL);
	refused(PTE(A, PTE_P | PTE_G), -EINVAL);
	refused(PTE(F, PTE_P | PTE_PS), -EINVAL); /* not validated first */
	cr_assert_eq(get_page_from_l2e(PTE(E, 0xE7F), d), 0);
	assert_frame(E, 2, FT_L1, 1);
	assert_validated(E, 1);
}

Test(l2_entry, l1_references)
{
	unit_frames_save();
	cr_assert_eq(get_page_from_l2e(PTE(A, RWU), d), 0);
	assert_frame(A, 2, FT_L1, 1);
	assert_validated(A, 1);
	assert_frame(B, 2, FT_WRITABLE, 1);
	assert_frame(C, 2, FT_NONE, 0);
	cr_assert_eq(get_page_from_l2e(PTE(A, PTE_P), d), 0);
	assert_frame(A, 3, FT_L1, 2);
	assert_frame(B, 2, FT_WRITABLE, 1);
	put_page_from_l2e(PTE(A, RWU), d);
	assert_frame(A, 2, FT_L1, 1);
	put_page_from_l2e(PTE(A, PTE_P), d);
	assert_frames_unchanged("after the puts");
}

Test(l2_entry, not_an_l1)
{
	cr_assert_eq(get_page_type(W, FT_WRITABLE, d), 0);
	cr_assert_eq(get_page_type(Q, FT_L2, d), 0);
	refused(PTE(W, RWU), -EBUSY);
	refused(PTE(Q, PTE_P), -EBUSY);
	refused(PTE(UNIT_OTHER, RW), -EPERM);
	refused(PTE(UNIT_VMM, RW), -EPERM);
	refused(PTE(UNIT_BAD, RW), -EPERM);
	refused(PTE(UNIT_SHARED, RW), -EPERM);
	refused(PTE(F, RW), -EPERM); /* F[2] is another domain's */
	assert_validated(F, 0);
}

/* P: A twice, E at the last guest slot; the hole holds what would be
 * refused if it were validated. */
static void fill_p(void)
{
	uint32_t *p = unit_table(P);

	p[0] = PTE(A, RWU);
	p[1] = PTE(A, PTE_P);
	p[100] = PTE(UNIT_OTHER, PTE_PS); /* not present */
	p[959] = PTE(E, RW);
	for (unsigned i = HOLE_FIRST_SLOT; i < ENTRIES_PER_TABLE; i++)
		p[i] = PTE(UNIT_OTHER, RW | PTE_PS);
}

Test(l2_entry, validation_and_release)
{
	uint32_t *p = unit_table(P);

	fill_p();
	unit_frames_save();
	cr_assert_eq(get_page_type(P, FT_L2, d), 0);
	assert_frame(P, 1, FT_L2, 1);
	assert_validated(P, 1);
	assert_frame(A, 3, FT_L1, 2);
	assert_validated(A, 1);
	assert_frame(E, 2, FT_L1, 1);
	assert_frame(B, 2, FT_WRITABLE, 1);
	assert_frame(C, 2, FT_NONE, 0);
	cr_assert(p[0] == PTE(A, RWU) && p[1] == PTE(A, PTE_P) &&
			  p[959] == PTE(E, RW) &&
			  p[100] == PTE(UNIT_OTHER, PTE_PS),
		  "guest slots changed");
	for (unsigned i = HOLE_FIRST_SLOT; i < ENTRIES_PER_TABLE; i++)
		cr_assert_eq(p[i], 0xF000F000u | i, "hole slot %u: %#x", i,
			     p[i]);
	/* An L1 in use cannot become an L2, nor an L2 an L1. */
	cr_assert_eq(get_page_type(A, FT_L2, d), -EBUSY);
	cr_assert_eq(get_page_type(P, FT_L1, d), -EBUSY);
	put_page_type(P, d);
	assert_validated(P, 0);
	assert_validated(A, 0);
	assert_frames_unchanged("after the last put of the L2");
}

/* Entries 960..1023 of an L1 are ordinary entries, not a hole. */
Test(l2_entry, no_hole_in_l1)
{
	unit_table(A)[1000] = PTE(C, PTE_P);
	cr_assert_eq(get_page_type(A, FT_L1, d), 0);
	assert_frame(C, 3, FT_NONE, 0);
	cr_assert_eq(unit_table(A)[1000], PTE(C, PTE_P));
	cr_assert_eq(unit_table(A)[1001], 0);
}

/* An L1 shared by two L2s. */
Test(l2_entry, shared_l1)
{
	unit_table(Q)[3] = PTE(A, RW);
	unit_table(P)[0] = PTE(A, RW);
	cr_assert_eq(get_page_type(Q, FT_L2, d), 0);
	cr_assert_eq(get_page_type(P, FT_L2, d), 0);
	assert_frame(A, 3, FT_L1, 2);
	assert_frame(B, 2, FT_WRITABLE, 1);
	put_page_type(Q, d);
	assert_frame(A, 2, FT_L1, 1);
	assert_validated(A, 1);
	assert_frame(B, 2, FT_WRITABLE, 1);
	put_page_type(P, d);
	assert_frame(A, 1, FT_NONE, 0);
	assert_frame(B, 1, FT_NONE, 0);
}

/* P fails with rc after A (and E) were referenced: all undone. `why`
 * ends the message of a wrong result. */
static void fails_why(unsigned slot, pde_t e, int rc, const char *why)
{
	uint32_t *p = unit_table(P);
	int got;

	p[0] = PTE(A, RWU);
	p[1] = PTE(E, RW);
	p[slot] = e;
	unit_frames_save();
	got = get_page_type(P, FT_L2, d);
	cr_assert_eq(got, rc, "slot %u = %#x: %d, want %d%s", slot, e, got, rc,
		     why);
	assert_validated(P, 0);
	assert_frames_unchanged("after a refused L2");
	p[slot] = 0;
}

static void fails(unsigned slot, pde_t e, int rc)
{
	fails_why(slot, e, rc, "");
}

/* A table that names itself: refused as a type conflict, which needs
 * get_page_type (exercise 1) to take the type before it validates. */
#define SELF " (does get_page_type, exercise 1, take the type first?)"

Test(l2_entry, self_and_linear_refused)
{
	cr_assert_eq(get_page_type(Q, FT_L2, d), 0);
	fails_why(5, PTE(P, RW), -EBUSY, SELF);
	fails_why(5, PTE(P, PTE_P), -EBUSY, SELF);
	fails(959, PTE(Q, PTE_P), -EBUSY);
}

Test(l2_entry, refused_deep)
{
	cr_assert_eq(get_page_type(W, FT_WRITABLE, d), 0);
	fails(2, PTE(F, RWU), -EPERM); /* F fails after taking B and C */
	fails(300, PTE(W, RW), -EBUSY);
	fails(959, PTE(E, RW | PTE_PS), -EINVAL);
	fails(959, PTE(UNIT_SHARED, RW), -EPERM);
}

/* A validated L2 Q holds A: P refused afterwards leaves A as Q has it. */
Test(l2_entry, refused_keeps_others)
{
	unit_table(Q)[3] = PTE(A, RW);
	cr_assert_eq(get_page_type(Q, FT_L2, d), 0);
	fails(2, PTE(F, RWU), -EPERM);
	assert_frame(A, 2, FT_L1, 1);
	assert_validated(A, 1);
}
