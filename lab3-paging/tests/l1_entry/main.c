/*
 * l1_entry (exercise 3, get_page_from_l1e): the rules for an L1 entry,
 * through mmu_update into an L1 of ours hooked at 0x40000000, and what a
 * validated entry then does.
 *  - not present: accepted whatever its other bits;
 *  - our own page, read-only or writable: accepted and usable (a write
 *    through the new mapping shows at the page's kernel address; a
 *    read-only one faults on write);
 *  - our shared-info page, even writable: accepted (it is the domain's);
 *  - disallowed bits, PAT (0x80) and global (0x100): -EINVAL;
 *  - a frame not ours (frame 0, the VMM's image at 1 MiB, beyond
 *    memory): -EPERM;
 *  - a page table writable (this L1, our L2): -EBUSY; read-only: fine;
 *  - the references an entry holds: a page mapped writable through the
 *    L1 cannot become a table until the entry goes.
 * Every refused entry leaves the old one in place.
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "L1 entries: validated, then usable";

void test_main(void)
{
	uint32_t l1 = l1_make(1), x = page_get(), l2 = l2_pfn();
	volatile uint32_t *v = (uint32_t *)SCRATCH_VA;
	struct fault f;

	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l1, PTE_RW)), 0);

	check_eq(set_entry(l1, 0, 0xFFFFFFFE), 0); /* not present */
	check_eq(entry(l1, 0), 0xFFFFFFFE);
	check(probe_read(SCRATCH_VA, &f) && f.cr2 == SCRATCH_VA);

	check_eq(set_entry(l1, 0, ptep(x, PTE_RW)), 0);
	v[1] = 0x5a5a1234;
	check_eq(((volatile uint32_t *)KVA(x))[1], 0x5a5a1234);
	check_eq(set_entry(l1, 0,
			   ptep(x, PTE_RO | PTE_U | PTE_A | PTE_D | PTE_PCD |
					   PTE_PWT | PTE_AVAIL)),
		 0);
	check_eq(v[1], 0x5a5a1234);
	check(probe_write(SCRATCH_VA, &f) && f.error == 3);
	printf("own pages: mapped read-only and writable, and usable\n");

	check_eq(set_entry(l1, 1, pte(shared_info_mfn(), PTE_RW)), 0);
	check_eq(v[1024 + 2], shared_info()->vcpu_info[0].arch.cr2);
	check_eq(set_entry(l1, 1, 0), 0);

	check_eq(set_entry(l1, 0, ptep(x, PTE_RO | PTE_PAT)), -EINVAL);
	check_eq(set_entry(l1, 0, ptep(x, PTE_RW | PTE_G)), -EINVAL);
	check_eq(set_entry(l1, 0, ptep(x, PTE_RO | PTE_PAT | PTE_G)), -EINVAL);
	check_eq(set_entry(l1, 0, pte(0, PTE_RO)), -EPERM);
	check_eq(set_entry(l1, 0, pte(0x100, PTE_RW)), -EPERM);
	check_eq(set_entry(l1, 0, pte(MFN_BEYOND, PTE_RO)), -EPERM);
	check_eq(set_entry(l1, 0, ptep(l1, PTE_RW)), -EBUSY);
	check_eq(set_entry(l1, 0, ptep(l2, PTE_RW)), -EBUSY);
	check_eq(entry(l1, 0) & ~(PTE_A | PTE_D),
		 ptep(x, PTE_RO | PTE_U | PTE_PCD | PTE_PWT | PTE_AVAIL));
	printf("disallowed bits, frames not ours, writable tables: "
	       "refused\n");

	check_eq(set_entry(l1, 2, ptep(l1, PTE_RO)), 0);
	check_eq(v[2048 + 2], entry(l1, 2));
	check_eq(set_entry(l1, 3, ptep(l2, PTE_RO)), 0);
	check_eq(v[3072 + SCRATCH_SLOT] & ~PTE_A, ptep(l1, PTE_RW));
	printf("page tables mapped read-only: fine\n");

	check_eq(set_entry(l1, 0, ptep(x, PTE_RW)), 0);
	check_eq(kmap(x, PTE_RO), 0);
	check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, pfn_to_mfn(x)), -EBUSY);
	check_eq(set_entry(l1, 0, 0), 0);
	check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, pfn_to_mfn(x)), 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(x)), 0);
	check_eq(kmap(x, PTE_RW), 0);
	xtf_success("L1 entries follow the rules");
}
