/*
 * page_type (exercise 1, get_page_type): a frame has one type at a time,
 * for as long as its type count is not 0, and a page table is validated
 * on its first typed use.
 *  - a page mapped writable (FT_WRITABLE) cannot be pinned as a table
 *    (-EBUSY) until its last writable mapping is gone, whether that is its
 *    kernel mapping or an entry of an L1 of ours;
 *  - a pinned L1 cannot be mapped writable (-EBUSY), read-only it can;
 *    an L1 in use, not pinned, cannot be pinned as an L2 (-EBUSY);
 *  - an L1 hooked into two L2 slots and pinned holds three type
 *    references: it stays a table until all three are gone;
 *  - a table whose contents do not validate (an entry with a disallowed
 *    bit, a frame not ours, a writable mapping of a page table) is refused
 *    with that entry's error, and is left an ordinary page: it can be
 *    mapped writable again.
 */
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "page types: one type at a time, validated first";

#define PIN_L1 MMUEXT_PIN_L1_TABLE
#define PIN_L2 MMUEXT_PIN_L2_TABLE

/* Fills pfn (writable) with one entry at index 5, makes it read-only and
 * tries to pin it as an L1: the result, after which the page must be an
 * ordinary page again. */
static long pin_with(uint32_t pfn, uint32_t e)
{
	long rc;

	((uint32_t *)KVA(pfn))[5] = e;
	check_eq(kmap(pfn, PTE_RO), 0);
	rc = mmuext_one(PIN_L1, pfn_to_mfn(pfn));
	if (rc == 0)
		check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(pfn)), 0);
	check_eq(kmap(pfn, PTE_RW), 0); /* no type left behind */
	((uint32_t *)KVA(pfn))[5] = 0;
	return rc;
}

void test_main(void)
{
	uint32_t x = page_get(), y = page_get(), w = page_get();
	uint32_t l2 = l2_pfn(), a = l1_make(1), b = l1_make(0);
	uint32_t mx = pfn_to_mfn(x);

	/* Writable pages are not tables. */
	check_eq(mmuext_one(PIN_L1, mx), -EBUSY);
	check_eq(mmuext_one(PIN_L2, mx), -EBUSY);
	check_eq(kmap(x, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L1, mx), 0);
	printf("a page mapped read-only became an L1\n");

	/* Tables are not writable; read-only is fine. */
	check_eq(kmap(x, PTE_RW), -EBUSY);
	check_eq(kmap(x, PTE_RO | PTE_A), 0);
	check_eq(set_entry(a, 0, ptep(x, PTE_RW)), -EBUSY);
	check_eq(set_entry(a, 0, ptep(x, PTE_RO)), 0);
	check_eq(set_entry(a, 0, 0), 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, mx), 0);
	check_eq(kmap(x, PTE_RW), 0);
	printf("unpinned, it is an ordinary page again\n");

	/* A writable mapping through an L1 of ours counts too. */
	check_eq(set_entry(a, 1, ptep(y, PTE_RW)), 0);
	check_eq(kmap(y, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(y)), -EBUSY);
	check_eq(set_entry(a, 1, ptep(y, PTE_RO)), 0);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(y)), 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(y)), 0);
	check_eq(set_entry(a, 1, 0), 0);

	/* One type at a time, with a count: b in two slots, and pinned. */
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(b, PTE_RW)), 0);
	check_eq(set_entry(l2, SCRATCH_SLOT + 1, ptep(b, PTE_RO)), 0);
	check_eq(mmuext_one(PIN_L2, pfn_to_mfn(b)), -EBUSY);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(b)), 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(b)), 0);
	check_eq(kmap(b, PTE_RW), -EBUSY);
	check_eq(set_entry(l2, SCRATCH_SLOT, 0), 0);
	check_eq(kmap(b, PTE_RW), -EBUSY);
	check_eq(mmuext_one(PIN_L2, pfn_to_mfn(b)), -EBUSY);
	check_eq(set_entry(l2, SCRATCH_SLOT + 1, 0), 0);
	check_eq(kmap(b, PTE_RW), 0);
	printf("an L1 in two slots and pinned stayed one until all three "
	       "were gone\n");

	/* The L2 in use and a pinned L1 keep their types too. */
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(l2)), -EINVAL); /* pinned */
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l2, PTE_RO)), -EBUSY);
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(a, PTE_RW)), 0);
	check_eq(mmuext_one(PIN_L2, pfn_to_mfn(a)), -EINVAL); /* pinned */
	check_eq(set_entry(l2, SCRATCH_SLOT, 0), 0);

	/* Validation on first use, and refusal leaves no type. */
	check_eq(pin_with(w, 0), 0);
	check_eq(pin_with(w, ptep(x, PTE_RO)), 0);
	check_eq(pin_with(w, ptep(x, PTE_RW)), 0); /* x: an ordinary page */
	check_eq(pin_with(w, ptep(x, PTE_RO | PTE_G)), -EINVAL);
	check_eq(pin_with(w, pte(0, PTE_RO)), -EPERM);
	check_eq(pin_with(w, ptep(l2, PTE_RW)), -EBUSY);
	check_eq(pin_with(w, ptep(a, PTE_RW)), -EBUSY);
	check_eq(pin_with(w, ptep(w, PTE_RW)), -EBUSY); /* itself */
	check_eq(pin_with(w, ptep(l2, PTE_RO)), 0);
	printf("contents validated on first use; refused tables left "
	       "untyped\n");
	xtf_success("one type at a time");
}
