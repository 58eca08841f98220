/*
 * rw_flip (hostile, the XSA-182 class): a read-only mapping of a page
 * table is allowed (the guest reads its tables); a later update of the
 * same entry that only sets the writable bit must be validated like any
 * new entry. XSA-182: Xen had a fast path for updates that changed only
 * "safe" bits and took the RW bit for one, so a guest turned a read-only
 * self-map writable. Here:
 *  - an L1 of ours maps itself, and our L2, read-only (fine); the same
 *    entries then changed to writable by mmu_update: -EBUSY; by
 *    update_va_mapping of their address: -EBUSY;
 *  - the kernel's own read-only mapping of our L2 (start_info.pt_base)
 *    and of the L1 made writable by update_va_mapping: -EBUSY;
 *  - a batch that first changes harmless bits (accessed, user, cache)
 *    and then sets RW: the first done, the second refused (*pdone 1);
 * and the tables stay read-only: a write through each mapping faults.
 * A vulnerable VMM lets the RW bit through: this guest then finds its
 * page table writable and reports FAILURE; a fixed one refuses, and the
 * victim booted next runs.
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "read-only table mappings stay read-only (XSA-182)";

static void readonly(uint32_t va, const char *what)
{
	struct fault f;

	if (probe_read(va, &f))
		xtf_failure("%s: the read-only mapping is gone", what);
	if (!probe_write(va, &f) || f.error != 3 || f.cr2 != va)
		xtf_failure("%s: writable", what);
}

void test_main(void)
{
	uint32_t l2 = l2_pfn(), l1 = l1_make(1), x = page_get();
	uint32_t self = SCRATCH_VA, top = SCRATCH_VA + 0x1000;
	struct mmu_update req[2];
	unsigned done = 9;

	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l1, PTE_RW)), 0);
	check_eq(set_entry(l1, 0, ptep(l1, PTE_RO)), 0);
	check_eq(set_entry(l1, 1, ptep(l2, PTE_RO)), 0);
	check_eq(set_entry(l1, 2, ptep(x, PTE_RO)), 0);
	readonly(self, "the L1's self-map");
	readonly(top, "the L1's map of our L2");

	check_eq(set_entry(l1, 0, ptep(l1, PTE_RW)), -EBUSY);
	check_eq(set_entry(l1, 1, ptep(l2, PTE_RW)), -EBUSY);
	check_eq(set_entry(l1, 1, ptep(l2, PTE_RW | PTE_A)), -EBUSY);
	check_eq(HYPERVISOR_update_va_mapping(self, ptep(l1, PTE_RW), 0),
		 -EBUSY);
	check_eq(HYPERVISOR_update_va_mapping(top, ptep(l2, PTE_RW), 0),
		 -EBUSY);
	check_eq(set_entry(l1, 2, ptep(x, PTE_RW)), 0); /* an ordinary page */
	readonly(self, "the L1's self-map");
	readonly(top, "the L1's map of our L2");
	printf("RW set on read-only maps of tables: refused\n");

	check_eq(kmap(l2, PTE_RW), -EBUSY);
	check_eq(kmap(l1, PTE_RW), -EBUSY);
	check_eq(uva4(KVA(l2), ptep(l2, PTE_RW), 0, UVMF_INVLPG), -EBUSY);
	readonly(KVA(l2), "our L2 at pt_base");
	readonly(KVA(l1), "the L1 at its kernel address");

	/* Harmless bits are fine; RW is not, in a batch too. */
	req[0] = (struct mmu_update){
		entry_ma(l1, 1), ptep(l2, PTE_RO | PTE_A | PTE_U | PTE_PCD)
	};
	req[1] = (struct mmu_update){ entry_ma(l1, 1),
				      ptep(l2, PTE_RW | PTE_A | PTE_U) };
	check_eq(HYPERVISOR_mmu_update(req, 2, &done), -EBUSY);
	check_eq(done, 1);
	check_eq(entry(l1, 1) & ~PTE_D,
		 ptep(l2, PTE_RO | PTE_A | PTE_U | PTE_PCD));
	readonly(top, "the L1's map of our L2");
	check_eq(set_entry(l2, SCRATCH_SLOT, 0), 0);
	xtf_success("no read-only table mapping became writable");
}
