/*
 * vmm_hole (hostile): the hole, 0xF0000000 up, is the VMM's: its L2
 * slots (960..1023) in every guest L2 are the VMM's (the M2P, the GDT
 * area, the trampoline), read-only where the guest sees them at all.
 *  - mmu_update of each hole slot of our L2 in use, with an L1 of ours or
 *    0: -EPERM, the slot unchanged;
 *  - update_va_mapping of addresses in the hole (the M2P, the GDT area,
 *    the trampoline, the entry stack, the top page): -EINVAL;
 *  - MMUEXT_INVLPG_LOCAL of an address in the hole: -EINVAL;
 *  - a fresh L2 whose hole slots hold entries of ours (an L1 mapping our
 *    pages writable): pinned, its hole slots are the VMM's, and we run on
 *    it (the trampoline works) and back;
 * and afterwards the M2P is still read-only, the rest of the hole not
 * mapped (a write to the M2P, a read of the direct map fault).
 * A vulnerable VMM takes one of these: this guest then maps its own page
 * into the hole, or unmaps the VMM's pages from it (a VMM that removed
 * the trampoline slot would not return to the guest at all); a fixed one
 * refuses all, and the victim booted next runs.
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "the hole stays the VMM's";

void test_main(void)
{
	uint32_t l2 = l2_pfn(), l1 = l1_make(1), x = page_get(), b;
	uint32_t hole[64], m2p0 = machine_to_phys[0];
	struct tramp t;
	struct fault f;
	uint32_t vas[6];

	probe_read(0xC0000000, &f); /* installs the test's trap table */
	tramp_find(&t);
	check_eq(set_entry(l1, 0, ptep(x, PTE_RW)), 0);
	for (unsigned i = HOLE_SLOT; i < 1024; i++) {
		hole[i - HOLE_SLOT] = entry(l2, i);
		check_eq(set_entry(l2, i, ptep(l1, PTE_RW | PTE_U)), -EPERM);
		check_eq(set_entry(l2, i, 0), -EPERM);
		check_eq(set_entry(l2, i, hole[i - HOLE_SLOT]), -EPERM);
		if ((entry(l2, i) ^ hole[i - HOLE_SLOT]) & ~PTE_A)
			xtf_failure("hole slot %u changed", i);
	}
	printf("hole slots 960-1023 of our L2: refused\n");

	vas[0] = 0xF0000000;
	vas[1] = GDT_AREA;
	vas[2] = t.text_first;
	vas[3] = t.stack;
	vas[4] = 0xFFFFF000;
	vas[5] = 0xF8000000;
	for (unsigned i = 0; i < 6; i++) {
		check_eq(HYPERVISOR_update_va_mapping(vas[i], ptep(x, PTE_RW),
						      UVMF_INVLPG),
			 -EINVAL);
		check_eq(HYPERVISOR_update_va_mapping(vas[i], 0, 0), -EINVAL);
		check_eq(mmuext_one(MMUEXT_INVLPG_LOCAL, vas[i]), -EINVAL);
	}
	check_eq(mmuext_one(MMUEXT_INVLPG_LOCAL, 0xEFFFF000), 0);
	check_eq(machine_to_phys[0], m2p0);
	printf("update_va_mapping and invlpg in the hole: refused\n");

	b = page_get();
	for (unsigned i = 0; i < 1024; i++)
		((uint32_t *)KVA(b))[i] =
			i < HOLE_SLOT ? entry(l2, i) : ptep(l1, PTE_RW | PTE_U);
	check_eq(kmap(b, PTE_RO), 0);
	check_eq(mmuext_one(MMUEXT_PIN_L2_TABLE, pfn_to_mfn(b)), 0);
	for (unsigned i = HOLE_SLOT; i < 1024; i++)
		if ((entry(b, i) ^ hole[i - HOLE_SLOT]) & ~PTE_A)
			xtf_failure("pinned L2: hole slot %u is %x, not the "
				    "VMM's %x",
				    i, entry(b, i), hole[i - HOLE_SLOT]);
	check_eq(base_switch(b), 0);
	check_eq(machine_to_phys[0], m2p0);
	check(probe_read(0xF8000000, &f) && f.cr2 == 0xF8000000);
	check_eq(base_switch(l2), 0);
	printf("an L2 with our entries in its hole: the VMM's slots there\n");

	if (!probe_write(0xF0000000, &f) || f.error != 3)
		xtf_failure("the M2P is writable");
	if (!probe_read(0xF8000000, &f) || f.error != 0)
		xtf_failure("the direct map is readable");
	if (!probe_read(0xFFFFF000, &f))
		xtf_failure("the top page is readable");
	xtf_success("the hole is the VMM's");
}
