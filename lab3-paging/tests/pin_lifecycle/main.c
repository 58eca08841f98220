/*
 * pin_lifecycle (hostile): pins and the references they are. A VMM that
 * drops a reference it does not hold frees a table still in use, and the
 * guest then maps that table writable.
 *  - unpinning a table still in use (an L1 hooked into our L2): allowed,
 *    and it stays a table (no writable mapping, -EBUSY; mmu_update of its
 *    entries works and shows at 0x40000000) until it is unhooked;
 *  - pinning twice: -EINVAL, as an L1 and as an L2, and one unpin then
 *    leaves nothing pinned (unpinning again: -EINVAL);
 *  - unpinning what is not pinned: an L1 in use only by our L2, a page,
 *    a frame not ours (the VMM's, beyond memory): -EINVAL, and the L1
 *    still works;
 *  - our L2 in use: unpinned (the base holds it) it cannot be mapped
 *    writable; unpinned again: -EINVAL, and still not writable (a VMM
 *    that took the base's reference would let it be); pinned again;
 *  - use after unpin: once the last reference is gone, mmu_update of the
 *    former table is refused (-EINVAL) and it is an ordinary page.
 * A vulnerable VMM returns 0 where it must refuse, or lets a table in use
 * be mapped writable: this guest reports FAILURE; with a fixed one the
 * victim booted next runs and the VMM frees every frame at the end.
 */
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "pins: unpin in use, twice, after use";

#define PIN_L1 MMUEXT_PIN_L1_TABLE
#define PIN_L2 MMUEXT_PIN_L2_TABLE
#define UNPIN  MMUEXT_UNPIN_TABLE

void test_main(void)
{
	uint32_t l2 = l2_pfn(), a = l1_make(1), b = l2_make(1), x = page_get();
	uint32_t ma = pfn_to_mfn(a), mb = pfn_to_mfn(b), ml2 = pfn_to_mfn(l2);
	volatile uint32_t *v = (uint32_t *)SCRATCH_VA;

	((volatile uint32_t *)KVA(x))[0] = 0x1234;
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(a, PTE_RW)), 0);
	check_eq(mmuext_one(UNPIN, ma), 0);
	check_eq(kmap(a, PTE_RW), -EBUSY);
	check_eq(set_entry(a, 0, ptep(x, PTE_RO)), 0);
	check_eq(v[0], 0x1234);
	check_eq(mmuext_one(UNPIN, ma), -EINVAL);
	check_eq(kmap(a, PTE_RW), -EBUSY);
	check_eq(v[0], 0x1234);
	printf("an L1 unpinned while in use: still a table\n");

	check_eq(mmuext_one(PIN_L1, ma), 0);
	check_eq(mmuext_one(PIN_L1, ma), -EINVAL);
	check_eq(mmuext_one(PIN_L2, ma), -EINVAL);
	check_eq(mmuext_one(PIN_L2, mb), -EINVAL);
	check_eq(mmuext_one(UNPIN, mb), 0);
	check_eq(mmuext_one(UNPIN, mb), -EINVAL);
	check_eq(kmap(b, PTE_RW), 0);
	check_eq(mmuext_one(UNPIN, ma), 0);
	check_eq(mmuext_one(UNPIN, ma), -EINVAL);
	check_eq(v[0], 0x1234);
	printf("pinned twice: refused; one unpin left nothing pinned\n");

	check_eq(mmuext_one(UNPIN, pfn_to_mfn(x)), -EINVAL);
	check_eq(mmuext_one(UNPIN, 0x100), -EINVAL);
	check_eq(mmuext_one(UNPIN, MFN_BEYOND), -EINVAL);
	check_eq(mmuext_one(UNPIN, shared_info_mfn()), -EINVAL);
	check_eq(v[0], 0x1234);
	check_eq(kmap(a, PTE_RW), -EBUSY);

	check_eq(mmuext_one(UNPIN, ml2), 0);
	check_eq(kmap(l2, PTE_RW), -EBUSY);
	check_eq(mmuext_one(UNPIN, ml2), -EINVAL);
	check_eq(kmap(l2, PTE_RW), -EBUSY);
	check_eq(set_entry(l2, SCRATCH_SLOT + 1, 0), 0);
	check_eq(mmuext_one(PIN_L2, ml2), 0);
	check_eq(mmuext_one(PIN_L2, ml2), -EINVAL);
	printf("our L2 in use: unpinned, still a table; pinned again\n");

	check_eq(set_entry(l2, SCRATCH_SLOT, 0), 0);
	check_eq(set_entry(a, 0, 0), -EINVAL);
	check_eq(set_entry(a, 1, ptep(x, PTE_RW)), -EINVAL);
	check_eq(mmuext_one(UNPIN, ma), -EINVAL);
	check_eq(kmap(a, PTE_RW), 0);
	check_eq(entry(a, 0) & ~(PTE_A | PTE_D), ptep(x, PTE_RO));
	((volatile uint32_t *)KVA(a))[0] = 0;
	printf("after its last reference: no table, an ordinary page\n");
	xtf_success("pins held exactly the references they took");
}
