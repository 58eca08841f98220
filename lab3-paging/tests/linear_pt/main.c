/*
 * linear_pt (hostile): "linear" page tables, an L2 entry pointing to an
 * L2 (to itself, the classic self-map, or to another one). The CPU then
 * takes the L2 for an L1: its entries become mappings of the L1 tables
 * and the guest reads (and, if writable, writes) its page tables through
 * them. Xen allowed read-only ones under rules that took several XSAs to
 * get right (XSA-240: a chain of them); the kit allows none:
 *  - mmu_update of our L2 in use, an entry pointing to itself (read-only
 *    or writable): -EBUSY; to another pinned L2: -EBUSY;
 *  - a fresh L2 holding the kernel's entries and an entry pointing to
 *    itself, or to our L2 in use: pinning it or making it our base:
 *    -EBUSY, and the page left ordinary;
 * and 0x40000000 stays unmapped.
 * A vulnerable VMM accepts one: this guest then reads its page tables at
 * 0x40000000 (and writes them, if writable) and reports FAILURE; a fixed
 * one refuses, and the victim booted next runs.
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "no linear (self-mapping) page tables";

static void unmapped(const char *what)
{
	struct fault f;

	if (!probe_read(SCRATCH_VA + 768 * 4096, &f) ||
	    !probe_read(SCRATCH_VA, &f))
		xtf_failure("%s: page tables readable at 0x40000000", what);
}

/* fresh: the kernel's entries, and slot SCRATCH_SLOT = e. */
static long as_table(uint32_t fresh, uint32_t e, int base)
{
	long rc;

	check_eq(kmap(fresh, PTE_RW), 0);
	for (unsigned i = 0; i < HOLE_SLOT; i++)
		((uint32_t *)KVA(fresh))[i] = entry(l2_pfn(), i);
	((uint32_t *)KVA(fresh))[SCRATCH_SLOT] = e;
	check_eq(kmap(fresh, PTE_RO), 0);
	rc = base ? base_switch(fresh) :
		    mmuext_one(MMUEXT_PIN_L2_TABLE, pfn_to_mfn(fresh));
	check_eq(kmap(fresh, PTE_RW), 0); /* (fails if rc == 0) */
	return rc;
}

void test_main(void)
{
	uint32_t l2 = l2_pfn(), other = l2_make(1), fresh = page_get();
	struct fault f;

	probe_read(0xC0000000, &f); /* installs the test's trap table */
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l2, PTE_RO)), -EBUSY);
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l2, PTE_RW)), -EBUSY);
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l2, PTE_RO | PTE_U)), -EBUSY);
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(other, PTE_RO)), -EBUSY);
	check_eq(set_entry(other, SCRATCH_SLOT, ptep(l2, PTE_RO)), -EBUSY);
	check_eq(set_entry(other, SCRATCH_SLOT, ptep(other, PTE_RO)), -EBUSY);
	check_eq(entry(l2, SCRATCH_SLOT), 0);
	unmapped("mmu_update");
	printf("self-maps and L2-to-L2 entries by mmu_update: refused\n");

	check_eq(as_table(fresh, ptep(fresh, PTE_RO), 0), -EBUSY);
	check_eq(as_table(fresh, ptep(fresh, PTE_RW), 1), -EBUSY);
	check_eq(as_table(fresh, ptep(l2, PTE_RO), 0), -EBUSY);
	check_eq(as_table(fresh, ptep(other, PTE_RO), 1), -EBUSY);
	unmapped("a fresh L2");
	printf("L2s holding a self-map or an L2: refused\n");
	xtf_success("no linear page table");
}
