/*
 * page_type_release (exercise 2, put_page_type): the last type reference
 * of a page table releases everything its entries held, and the frame
 * becomes an ordinary page again.
 *  - an L1 mapping page x writable holds x's writable type: while the L1
 *    is a table, x cannot become one (-EBUSY); once the L1's last
 *    reference (its pin) is gone, x can;
 *  - a released table is no table: mmu_update on it is refused (-EINVAL)
 *    and it can be mapped writable;
 *  - releasing an L2 releases the L1s it holds, and theirs in turn: a
 *    pinned L2 -> L1 d (never pinned) -> page e writable; unpinning the L2
 *    frees d and e;
 *  - repeated: a frame goes from page to table and back many times, its
 *    entries released each time (a counter that leaks shows up as a
 *    refusal here, or as a LEAK or panic when the VMM frees the domain).
 */
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "page types: the last reference releases all";

#define PIN_L1 MMUEXT_PIN_L1_TABLE
#define PIN_L2 MMUEXT_PIN_L2_TABLE
#define UNPIN  MMUEXT_UNPIN_TABLE

void test_main(void)
{
	uint32_t a = l1_make(1), x = page_get();
	uint32_t c = l2_make(0), d = l1_make(0), e = page_get();
	uint32_t md = pfn_to_mfn(d), me = pfn_to_mfn(e);

	/* a holds x's writable type. */
	check_eq(set_entry(a, 7, ptep(x, PTE_RW)), 0);
	check_eq(kmap(x, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(x)), -EBUSY);
	check_eq(mmuext_one(UNPIN, pfn_to_mfn(a)), 0);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(x)), 0);
	check_eq(set_entry(a, 7, 0), -EINVAL); /* a is no table now */
	check_eq(kmap(a, PTE_RW), 0);
	check_eq(mmuext_one(UNPIN, pfn_to_mfn(x)), 0);
	check_eq(kmap(x, PTE_RW), 0);
	printf("unpinning an L1 released the writable page it mapped\n");

	/* c (L2) -> d (L1) -> e (writable), all released with c's pin. */
	check_eq(kmap(d, PTE_RW), 0);
	((uint32_t *)KVA(d))[3] = ptep(e, PTE_RW);
	check_eq(kmap(d, PTE_RO), 0);
	check_eq(kmap(c, PTE_RW), 0);
	((uint32_t *)KVA(c))[SCRATCH_SLOT] = ptep(d, PTE_RW);
	check_eq(kmap(c, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L2, pfn_to_mfn(c)), 0);
	check_eq(kmap(d, PTE_RW), -EBUSY);
	check_eq(kmap(e, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(e)), -EBUSY);
	check_eq(set_entry(d, 4, ptep(e, PTE_RO)), 0); /* d is in use */
	check_eq(mmuext_one(UNPIN, pfn_to_mfn(c)), 0);
	check_eq(set_entry(d, 4, 0), -EINVAL);
	check_eq(set_entry(c, SCRATCH_SLOT, 0), -EINVAL);
	check_eq(kmap(c, PTE_RW), 0);
	check_eq(kmap(d, PTE_RW), 0);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(e)), 0);
	check_eq(mmuext_one(UNPIN, pfn_to_mfn(e)), 0);
	printf("unpinning an L2 released its L1 and what that mapped\n");

	/* Many times: d (mapping e writable) pinned, hooked, unpinned,
	 * unhooked; e pinned and unpinned. */
	check_eq(kmap(d, PTE_RO), 0);
	for (int i = 0; i < 200; i++) {
		if (mmuext_one(PIN_L1, md) ||
		    set_entry(l2_pfn(), SCRATCH_SLOT, ptep(d, PTE_RW)) ||
		    mmuext_one(UNPIN, md) || mmuext_one(PIN_L1, me) != -EBUSY ||
		    set_entry(l2_pfn(), SCRATCH_SLOT, 0) ||
		    mmuext_one(PIN_L1, me) || mmuext_one(UNPIN, me)) {
			xtf_failure("round %d of table and back went wrong", i);
			break;
		}
	}
	check_eq(kmap(d, PTE_RW), 0);
	check_eq(kmap(e, PTE_RW), 0);
	printf("200 rounds of table and back\n");
	xtf_success("every last reference released what it held");
}
