/*
 * shared_info_table (hostile): the shared-info page as a page table. The
 * page is the domain's to map (even writable), but the VMM writes it:
 * the address of each page fault it bounces goes to vcpu_info[0].cr2,
 * word 2 of the page. Were the page an L1, that word would be entry 2,
 * and the guest would choose its value by touching an address: touching
 * 0x00100007 would map the VMM's image (frame 0x100) writable for ring 3,
 * never validated. So the page must never become a table:
 *  - with its mapping made read-only (no writable type), hooking it into
 *    our L2 as an L1, pinning it as an L1 or an L2, or making it our base:
 *    -EPERM.
 * Then the attack is run anyway: a fault at 0x00100007, and 0x40002000
 * must not be mapped. A vulnerable VMM (one that lets any frame the
 * domain may map become a table) hooks the page in, and this guest then
 * writes the VMM's image and reports FAILURE; a fixed one refuses, the
 * page is made writable again, and the victim booted next runs.
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>
#include <public/layout.h>

const char test_title[] = "the shared-info page never becomes a table";

void test_main(void)
{
	uint32_t s = shared_info_mfn(),
		 va = KIT_SHARED_INFO_VA(start_info->nr_pages);
	uint32_t l2 = l2_pfn();
	volatile uint32_t *cr2 = &shared_info()->vcpu_info[0].arch.cr2;
	struct fault f;

	probe_read(va, &f); /* installs the test's trap table */
	*cr2 = 0;
	check_eq(HYPERVISOR_update_va_mapping(va, pte(s, PTE_RO), UVMF_INVLPG),
		 0);
	check_eq(set_entry(l2, SCRATCH_SLOT, pte(s, PTE_RW | PTE_U)), -EPERM);
	check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, s), -EPERM);
	check_eq(mmuext_one(MMUEXT_PIN_L2_TABLE, s), -EPERM);
	check_eq(mmuext_one(MMUEXT_NEW_BASEPTR, s), -EPERM);
	printf("the shared-info page refused as a table every way\n");

	check(probe_read(0x00100007, &f) && f.cr2 == 0x00100007);
	check_eq(*cr2, 0x00100007);
	if (!probe_write(SCRATCH_VA + 0x2000, &f))
		xtf_failure("0x40002000 is writable: the cr2 the VMM wrote "
			    "became a page-table entry");
	check_eq(HYPERVISOR_update_va_mapping(va, pte(s, PTE_RW), UVMF_INVLPG),
		 0);
	*cr2 = 0;
	xtf_success("the page the VMM writes is no page table");
}
