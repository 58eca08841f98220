/*
 * pse_superpage (hostile, the XSA-148 class): an L2 entry with PSE set
 * maps 4 MiB of machine memory directly, with no L1 to validate: one
 * entry naming machine address 0 would map the VMM's image, and the
 * frame table, writable. The kit allows no superpages:
 *  - mmu_update of a PSE entry into our L2 in use (writable, read-only,
 *    user, naming machine 0 or 4 MiB-aligned memory of ours): -EINVAL;
 *  - a fresh L2 (the kernel's entries and a PSE entry at 0x40000000)
 *    pinned, or made our base: -EINVAL, and the page left ordinary;
 * and 0x40000000 stays unmapped. (XSA-148: Xen let PSE through on the
 * L2 entries of PV guests; the guest then wrote the memory it mapped.)
 * A vulnerable VMM accepts one: this guest then reads and writes the 4
 * MiB at 0x40000000 and reports FAILURE; a fixed one refuses all, and the
 * victim booted next runs.
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "no 4 MiB superpages (XSA-148)";

static void unmapped(void)
{
	struct fault f;

	if (!probe_read(SCRATCH_VA, &f) || !probe_read(SCRATCH_VA + 0x1000, &f))
		xtf_failure("0x40000000 is mapped");
}

void test_main(void)
{
	uint32_t l2 = l2_pfn(), fresh = page_get();
	uint32_t own = pfn_to_mfn(0) & ~0x3FFu; /* 4 MiB around our memory */
	static const uint32_t flags[] = { PTE_RW, PTE_RO, PTE_RW | PTE_U,
					  PTE_RW | PTE_A | PTE_D };
	struct fault f;

	probe_read(0xC0000000, &f); /* installs the test's trap table */
	for (unsigned i = 0; i < 4; i++) {
		check_eq(set_entry(l2, SCRATCH_SLOT, flags[i] | PTE_PS),
			 -EINVAL);
		check_eq(set_entry(l2, SCRATCH_SLOT,
				   pte(own, flags[i] | PTE_PS)),
			 -EINVAL);
		check_eq(set_entry(l2, SCRATCH_SLOT,
				   ptep(fresh, flags[i] | PTE_PS)),
			 -EINVAL);
		check_eq(entry(l2, SCRATCH_SLOT), 0);
		unmapped();
	}
	printf("PSE entries into our L2: refused\n");

	for (unsigned i = 0; i < HOLE_SLOT; i++)
		((uint32_t *)KVA(fresh))[i] = entry(l2, i);
	((uint32_t *)KVA(fresh))[SCRATCH_SLOT] = PTE_RW | PTE_U | PTE_PS;
	check_eq(kmap(fresh, PTE_RO), 0);
	check_eq(mmuext_one(MMUEXT_PIN_L2_TABLE, pfn_to_mfn(fresh)), -EINVAL);
	check_eq(base_switch(fresh), -EINVAL);
	unmapped();
	check_eq(kmap(fresh, PTE_RW), 0);
	printf("an L2 holding a PSE entry: refused as a table and as a base\n");
	xtf_success("no superpage");
}
