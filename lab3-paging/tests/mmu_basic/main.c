/*
 * mmu_basic: the page-table hypercalls doing their ordinary work. A free
 * page of ours becomes an L1 table: first made read-only everywhere
 * (update_va_mapping), then pinned (validated); it is hooked into our L2
 * (mmu_update) and maps another free page at a new address, which we then
 * use; the M2P table agrees with our p2m list. Then everything is undone
 * in reverse, and the pages are ordinary writable memory again.
 */
#include <guest/hypercall_mmu.h>
#include <guest/test.h>

const char test_title[] = "page-table hypercalls: map, use, unmap";

#define PTE_RW 0x3 /* present, writable */
#define PTE_RO 0x1
#define NEW_VA 0x40000000u /* a 4 MiB slot we do not use */

void test_main(void)
{
	const struct start_info *si = start_info;
	uint32_t first_free =
		(si->pt_base - 0xC0000000u) / 4096 + si->nr_pt_frames + 1;
	uint32_t l1_pfn = first_free, data_pfn = first_free + 1;
	uint32_t l1_va = 0xC0000000u + l1_pfn * 4096;
	uint32_t l1_mfn = pfn_to_mfn(l1_pfn), data_mfn = pfn_to_mfn(data_pfn);
	uint32_t l2_ma = pfn_to_mfn(va_to_pfn((void *)si->pt_base)) << 12;
	uint32_t slot = NEW_VA >> 22;
	volatile uint32_t *p = (uint32_t *)NEW_VA;

	check_eq(machine_to_phys[l1_mfn], l1_pfn);
	check_eq(machine_to_phys[data_mfn], data_pfn);
	/* An L1 must not be writable anywhere: make our mapping read-only. */
	for (int i = 0; i < 1024; i++)
		((uint32_t *)l1_va)[i] = 0;
	check_eq(HYPERVISOR_update_va_mapping(l1_va, (l1_mfn << 12) | PTE_RO,
					      UVMF_INVLPG),
		 0);
	check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, l1_mfn), 0);
	check_eq(mmu_set(l2_ma + slot * 4, (l1_mfn << 12) | PTE_RW), 0);
	check_eq(mmu_set((l1_mfn << 12), (data_mfn << 12) | PTE_RW), 0);
	*p = 0x12345678;
	check_eq(*(volatile uint32_t *)(0xC0000000u + data_pfn * 4096),
		 0x12345678);
	printf("a new mapping at %x works\n", NEW_VA);

	check_eq(mmu_set((l1_mfn << 12), 0), 0);
	check_eq(mmu_set(l2_ma + slot * 4, 0), 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, l1_mfn), 0);
	check_eq(HYPERVISOR_update_va_mapping(l1_va, (l1_mfn << 12) | PTE_RW,
					      UVMF_INVLPG),
		 0);
	((volatile uint32_t *)l1_va)[0] = 1; /* writable again */
	xtf_success("mapped, used and unmapped through the VMM");
}
