/*
 * mod_entry (exercise 5): one page-table entry changed through
 * mmu_update, as the rules say.
 *  - the hole is the VMM's: L2 slots 960..1023 refused (-EPERM), even to
 *    clear them, and left as they are;
 *  - the new entry's references are taken before the old one's are
 *    dropped: an L2 slot set again to the L1 it holds (that L1's only
 *    reference) keeps the L1 validated and its mappings working;
 *  - a refused entry changes nothing: the old entry stays, with its
 *    references (the page it maps writable still cannot become a table);
 *  - a replaced entry's references are dropped: a page mapped writable,
 *    then read-only, can become a table; an L1 replaced in its slot by
 *    another is an ordinary page again;
 *  - an update of the L2 in use takes effect at once (a mapping appears
 *    and disappears).
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "mmu_update: one entry at a time, validated";

void test_main(void)
{
	uint32_t l2 = l2_pfn(), s = SCRATCH_SLOT;
	uint32_t b = l1_make(0), c = l1_make(0), x = page_get();
	volatile uint32_t *v = (uint32_t *)SCRATCH_VA;
	uint32_t hole[64];
	struct fault f;

	for (unsigned i = HOLE_SLOT; i < 1024; i++) {
		hole[i - HOLE_SLOT] = entry(l2, i);
		check_eq(set_entry(l2, i, 0), -EPERM);
		check_eq(set_entry(l2, i, ptep(b, PTE_RW)), -EPERM);
		check_eq(entry(l2, i), hole[i - HOLE_SLOT]);
	}
	check_eq(kmap(b, PTE_RW), 0); /* b was never taken */
	check_eq(kmap(b, PTE_RO), 0);
	printf("the 64 hole slots of our L2: refused\n");

	/* b's only reference is slot s: set it again, and again. */
	((volatile uint32_t *)KVA(x))[0] = 0x600df00c;
	check_eq(set_entry(l2, s, ptep(b, PTE_RW)), 0);
	check_eq(set_entry(b, 0, ptep(x, PTE_RW)), 0);
	check_eq(v[0], 0x600df00c);
	for (int i = 0; i < 3; i++)
		check_eq(set_entry(l2, s, ptep(b, PTE_RW)), 0);
	check_eq(set_entry(l2, s, ptep(b, PTE_RW | PTE_U)), 0);
	check_eq(v[0], 0x600df00c);
	check_eq(kmap(b, PTE_RW), -EBUSY);
	check_eq(set_entry(b, 1, 0), 0); /* b is still a table in use */
	printf("a slot set again to its L1 kept the L1\n");

	/* Refused: the old entry and its references stay. */
	check_eq(set_entry(b, 0, pte(0x100, PTE_RW)), -EPERM);
	check_eq(set_entry(b, 0, ptep(x, PTE_RW | PTE_G)), -EINVAL);
	check_eq(set_entry(b, 0, ptep(b, PTE_RW)), -EBUSY);
	check_eq(entry(b, 0) & ~(PTE_A | PTE_D), ptep(x, PTE_RW));
	v[1] = 42;
	check_eq(kmap(x, PTE_RO), 0);
	check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, pfn_to_mfn(x)), -EBUSY);
	check_eq(set_entry(l2, s, ptep(l2, PTE_RO)), -EBUSY);
	check_eq(entry(l2, s) & ~PTE_A, ptep(b, PTE_RW | PTE_U));
	check_eq(v[1], 42);
	printf("refused updates changed nothing\n");

	/* Replaced: the old entry's references go. */
	check_eq(set_entry(b, 0, ptep(x, PTE_RO)), 0);
	check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, pfn_to_mfn(x)), 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(x)), 0);
	check_eq(kmap(x, PTE_RW), 0);
	check_eq(set_entry(c, 0, ptep(x, PTE_RO)), -EINVAL); /* not a table */
	check_eq(set_entry(l2, s, ptep(c, PTE_RW)), 0);
	check_eq(kmap(b, PTE_RW), 0);
	check_eq(kmap(c, PTE_RW), -EBUSY);
	check_eq(set_entry(c, 0, ptep(x, PTE_RO)), 0);
	check_eq(v[1], 42);
	printf("replaced entries released what they held\n");

	check_eq(set_entry(l2, s, 0), 0);
	check(probe_read(SCRATCH_VA, &f) && f.cr2 == SCRATCH_VA);
	check_eq(kmap(c, PTE_RW), 0);
	xtf_success("entries changed one at a time, validated first");
}
