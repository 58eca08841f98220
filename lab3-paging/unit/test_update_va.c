/*
 * do_update_va_mapping (exercise 8; through mod_entry, exercise 5, which
 * takes and drops an L1 entry's references with exercises 3, 1 and 2) on
 * the current vCPU's address space: L2 UNIT_L2 (the vCPU's base) whose
 * slot for UNIT_VA is L1 UNIT_L1 (entry 0 maps UNIT_DATA writable), slot
 * 1 is L1 G and slot 959 (just below the hole) L1 H; slot 600 holds a
 * not-present entry naming frame X. The address space is written as
 * validated by hand (validated_by_hand), not validated by
 * get_page_and_type, which would need exercise 4 (get_page_from_l2e):
 * update_va_mapping never validates an L2 entry. Checked:
 *  - the entry for va (the page offset and the flags ignored) becomes
 *    val_lo, in the right L1 (G[3] for 0x00403000, H[1023] for the last
 *    page below the hole), nothing else in any table changes, and the
 *    counts follow (new frame referenced, old one released);
 *  - the address space is current's (its cr3), and so is the domain whose
 *    frames may be mapped;
 *  - -EINVAL, with nothing changed: va in the hole (even where the hole
 *    slot reads as present), val_hi not 0, no L1 for va (an empty slot,
 *    or a not-present entry that names a frame);
 *  - mod_entry's refusals come back unchanged (-EPERM, -EINVAL, -EBUSY
 *    for a writable mapping of the L2 or of the L1 itself).
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/mmu.h>
#include "unit_lab3.h"

#define G (UNIT_FIRST + 40) /* L1 of slot 1 */
#define H (UNIT_FIRST + 41) /* L1 of slot 959 */
#define X (UNIT_FIRST + 42)
#define Y (UNIT_FIRST + 43)

long do_update_va_mapping(unsigned long va, unsigned long val_lo,
			  unsigned long val_hi, unsigned long flags);

static uint32_t before[4][ENTRIES_PER_TABLE]; /* L2, L1, G, H */
static const mfn_t tables[4] = { UNIT_L2, UNIT_L1, G, H };

/* A stand-in for get_page_and_type(l2, FT_L2, dom) on an L2 whose
 * present slots hold the L1s l1s[0..n), each once, whose only present
 * entry maps `data` writable (if data is not 0): the frame records that
 * validation leaves (one reference more on each, and the types), and the
 * hole filled. */
static void validated_by_hand(struct domain *dom, mfn_t l2, const mfn_t *l1s,
			      unsigned n, mfn_t data)
{
	unit_set_frame(l2, 2, FT_L2, 1, FF_VALIDATED);
	hole_fill(dom, unit_table(l2));
	for (unsigned i = 0; i < n; i++)
		unit_set_frame(l1s[i], 2, FT_L1, 1, FF_VALIDATED);
	if (data)
		unit_set_frame(data, 2, FT_WRITABLE, 1, 0);
}

static void setup(void)
{
	static const mfn_t l1s[] = { UNIT_L1, G, H };

	unit_lab3_init();
	unit_space();
	unit_table(UNIT_L2)[1] = PTE(G, RWU);
	unit_table(UNIT_L2)[959] = PTE(H, RW);
	unit_table(UNIT_L2)[600] = PTE(X, PTE_W | PTE_U);
	validated_by_hand(&unit_d, UNIT_L2, l1s, 3, UNIT_DATA);
	for (int i = 0; i < 4; i++)
		memcpy(before[i], unit_table(tables[i]), PAGE_SIZE);
	unit_frames_save();
}

TestSuite(update_va, .init = setup);

/* Every table as in setup but entry `index` of table t (-1: none). */
static void tables_unchanged_but(int t, unsigned index)
{
	for (int i = 0; i < 4; i++)
		for (unsigned e = 0; e < ENTRIES_PER_TABLE; e++)
			cr_assert((i == t && e == index) ||
					  unit_table(tables[i])[e] ==
						  before[i][e],
				  "entry %u of table %u changed", e,
				  (unsigned)tables[i]);
}

static void refused(unsigned long va, uint32_t lo, uint32_t hi, int rc)
{
	cr_assert_eq(do_update_va_mapping(va, lo, hi, UVMF_INVLPG), rc,
		     "va %#lx val %#x:%#x", va, hi, lo);
	tables_unchanged_but(-1, 0);
	assert_frames_unchanged("a refused update_va_mapping");
}

Test(update_va, sets_the_entry)
{
	cr_assert_eq(do_update_va_mapping(UNIT_VA + 0x5ABC, PTE(X, RW), 0,
					  UVMF_INVLPG),
		     0);
	cr_assert_eq(unit_table(UNIT_L1)[5], PTE(X, RW));
	tables_unchanged_but(1, 5);
	assert_frame(X, 2, FT_WRITABLE, 1);
}

Test(update_va, other_l1s)
{
	cr_assert_eq(do_update_va_mapping(0x00403000, PTE(X, PTE_P), 0, 0), 0);
	cr_assert_eq(unit_table(G)[3], PTE(X, PTE_P));
	tables_unchanged_but(2, 3);
	cr_assert_eq(do_update_va_mapping(0x00403000, 0, 0, 0), 0);
	cr_assert_eq(do_update_va_mapping(HOLE_START - 1, PTE(X, RW), 0,
					  UVMF_TLB_FLUSH),
		     0);
	cr_assert_eq(unit_table(H)[1023], PTE(X, RW));
	tables_unchanged_but(3, 1023);
	assert_frame(X, 2, FT_WRITABLE, 1);
}

Test(update_va, replace_and_clear)
{
	cr_assert_eq(do_update_va_mapping(UNIT_VA, PTE(X, PTE_P), 0, 0), 0);
	assert_frame(UNIT_DATA, 1, FT_NONE, 0);
	assert_frame(X, 2, FT_NONE, 0);
	cr_assert_eq(do_update_va_mapping(UNIT_VA + 8, 0, 0, 0), 0);
	cr_assert_eq(unit_table(UNIT_L1)[0], 0);
	assert_frame(X, 1, FT_NONE, 0);
	assert_frame(UNIT_L1, 2, FT_L1, 1);
}

/* Hole slot 960 made to look like a guest slot (in the VMM it is the
 * M2P's, present): only the va check refuses HOLE_START. */
Test(update_va, hole)
{
	unit_table(UNIT_L2)[HOLE_FIRST_SLOT] = PTE(H, RW);
	before[0][HOLE_FIRST_SLOT] = PTE(H, RW);
	refused(HOLE_START, PTE(X, PTE_P), 0, -EINVAL);
	refused(HOLE_START + 0x400000, PTE(X, PTE_P), 0, -EINVAL);
	refused(0xFFFFF000, PTE(X, RW), 0, -EINVAL);
	refused(0xFFFFFFFF, 0, 0, -EINVAL);
}

Test(update_va, val_hi)
{
	refused(UNIT_VA + 0x1000, PTE(X, RW), 1, -EINVAL);
	refused(UNIT_VA, 0, 0x80000000, -EINVAL);
}

Test(update_va, no_l1)
{
	refused(0x80000000, PTE(X, PTE_P), 0, -EINVAL);
	refused(600u << 22, PTE(Y, RW), 0, -EINVAL);
	for (unsigned i = 0; i < ENTRIES_PER_TABLE; i++)
		cr_assert_eq(unit_table(X)[i], 0, "X written as an L1");
}

Test(update_va, refusals_of_mod_entry)
{
	refused(UNIT_VA + 0x1000, PTE(UNIT_OTHER, PTE_P), 0, -EPERM);
	refused(UNIT_VA + 0x1000, PTE(X, PTE_P | PTE_G), 0, -EINVAL);
	refused(UNIT_VA + 0x1000, PTE(UNIT_L2, RW), 0, -EBUSY);
	refused(UNIT_VA, PTE(UNIT_L1, RW), 0, -EBUSY);
}

/* The same call for the vCPU of domain 2, in its own address space. */
Test(update_va, current_space_and_domain)
{
	static struct domain two;
	const mfn_t l2 = UNIT_OTHER + 1, l1 = UNIT_OTHER + 2;

	two.id = UNIT_DOMID + 1;
	two.vcpu.domain = &two;
	two.vcpu.cr3 = (paddr_t)l2 << PAGE_SHIFT;
	unit_table(l2)[L2_INDEX(UNIT_VA)] = PTE(l1, RWU);
	validated_by_hand(&two, l2, &l1, 1, 0);
	current = &two.vcpu;
	cr_assert_eq(do_update_va_mapping(UNIT_VA, PTE(X, PTE_P), 0, 0),
		     -EPERM);
	cr_assert_eq(do_update_va_mapping(UNIT_VA, PTE(UNIT_OTHER + 3, RW), 0,
					  0),
		     0);
	cr_assert_eq(unit_table(l1)[0], PTE(UNIT_OTHER + 3, RW));
	assert_frame(UNIT_OTHER + 3, 2, FT_WRITABLE, 1);
	cr_assert_eq(unit_table(UNIT_L1)[0], PTE(UNIT_DATA, RWU));
	cr_assert_eq(do_update_va_mapping(0x00403000, PTE(UNIT_OTHER, 1), 0, 0),
		     -EINVAL, "slot 1 is unit_d's, not two's");
}
