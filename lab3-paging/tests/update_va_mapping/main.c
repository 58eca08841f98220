/*
 * update_va_mapping (exercise 8): the L1 entry that maps a virtual
 * address in the address space in use, set without knowing where it is.
 *  - a page of ours unmapped (a read and a write fault, with cr2), mapped
 *    read-only (a write faults), mapped back writable (its data intact);
 *  - another page mapped at its address; the user window's addresses too;
 *  - every flag (none, TLB flush, invlpg, all CPUs) accepted;
 *  - refused with -EINVAL: an address in the hole, val_hi not 0, an
 *    address with no L1 (its L2 slot empty);
 *  - refused as mod_entry refuses: PAT or global (-EINVAL), a frame not
 *    ours (-EPERM), a page table writable (-EBUSY); the mapping stays.
 */
#include <lib/string.h>
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>
#include <public/layout.h>

const char test_title[] = "update_va_mapping";

void test_main(void)
{
	uint32_t x = page_get(), y = page_get(), l2 = l2_pfn();
	uint32_t va = KVA(x), uw = KIT_USER_BASE;
	uint32_t upfn = KIT_USER_FIRST_PFN(start_info->nr_pages);
	volatile uint32_t *p = (uint32_t *)va;
	struct fault f;

	p[3] = 0x31415926;
	((volatile uint32_t *)KVA(y))[3] = 0x27182818;
	check_eq(HYPERVISOR_update_va_mapping(va, 0, UVMF_INVLPG), 0);
	check(probe_read(va + 12, &f) && f.vector == 14 && f.error == 0 &&
	      f.cr2 == va + 12);
	check(probe_write(va + 8, &f) && f.error == 2 && f.cr2 == va + 8);
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(x, PTE_RO), 0), 0);
	check_eq(p[3], 0x31415926);
	check(probe_write(va, &f) && f.error == 3 && f.cr2 == va);
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(y, PTE_RW),
					      UVMF_TLB_FLUSH),
		 0);
	check_eq(p[3], 0x27182818);
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(x, PTE_RW),
					      UVMF_INVLPG | UVMF_ALL),
		 0);
	p[4] = 5;
	check_eq(p[3], 0x31415926);
	printf("a page unmapped, read-only, another page, back\n");

	check_eq(((volatile uint32_t *)uw)[0], ((uint32_t *)KVA(upfn))[0]);
	check_eq(HYPERVISOR_update_va_mapping(uw, ptep(y, PTE_RW | PTE_U),
					      UVMF_TLB_FLUSH | UVMF_ALL),
		 0);
	check_eq(((volatile uint32_t *)uw)[3], 0x27182818);
	check_eq(HYPERVISOR_update_va_mapping(uw, ptep(upfn, PTE_RW | PTE_U),
					      UVMF_INVLPG),
		 0);
	printf("the user window too\n");

	check_eq(HYPERVISOR_update_va_mapping(0xF0000000, ptep(x, PTE_RO), 0),
		 -EINVAL);
	check_eq(HYPERVISOR_update_va_mapping(0xF0400000, 0, 0), -EINVAL);
	check_eq(HYPERVISOR_update_va_mapping(0xFFFFF000, ptep(x, PTE_RW), 0),
		 -EINVAL);
	check_eq(uva4(va, ptep(y, PTE_RW), 1, 0), -EINVAL);
	check_eq(uva4(va, 0, 0x80000000u, 0), -EINVAL);
	check_eq(HYPERVISOR_update_va_mapping(SCRATCH_VA, ptep(x, PTE_RW), 0),
		 -EINVAL);
	check_eq(HYPERVISOR_update_va_mapping(0, 0, 0), -EINVAL);
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(y, PTE_RW | PTE_PAT), 0),
		 -EINVAL);
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(y, PTE_RO | PTE_G), 0),
		 -EINVAL);
	check_eq(HYPERVISOR_update_va_mapping(va, pte(0x100, PTE_RW), 0),
		 -EPERM);
	check_eq(HYPERVISOR_update_va_mapping(va, pte(MFN_BEYOND, PTE_RO), 0),
		 -EPERM);
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(l2, PTE_RW), 0), -EBUSY);
	check_eq(p[4], 5);
	p[4] = 6;
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(l2, PTE_RO), 0), 0);
	check_eq(p[HOLE_SLOT], entry(l2, HOLE_SLOT));
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(x, PTE_RW), 0), 0);
	check_eq(p[4], 6);
	xtf_success("update_va_mapping maps, unmaps and refuses as it must");
}
