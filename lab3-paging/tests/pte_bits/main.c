/*
 * pte_bits (hostile): the bits of an entry. In an L1, PAT (bit 7) and
 * global (bit 8) are disallowed: a global mapping would survive the %cr3
 * switches that separate the guest from the VMM and from other guests,
 * and PAT changes how memory is cached. In an L2, PSE (bit 7, a 4 MiB
 * page, see pse_superpage) and global. The entry's high 32 bits must be
 * 0: x86-32 without PAE has no machine memory above 4 GiB, and a VMM that
 * dropped them would map something other than what the guest asked for.
 * Each rule through each way in:
 *  - mmu_update into an L1 and into our L2, update_va_mapping, and the
 *    contents of a fresh L1 being pinned: -EINVAL, the entry unchanged;
 *  - val_hi not 0 (update_va_mapping) or val >= 2^32 (mmu_update):
 *    -EINVAL;
 *  - the allowed bits (user, write-through, cache-disable, accessed,
 *    dirty, the three available to software) and not-present entries
 *    with any bits: accepted.
 * A vulnerable VMM accepts a disallowed bit or truncates the high half:
 * this guest reports FAILURE; a fixed one refuses, and the victim booted
 * next runs.
 */
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "entry bits: PAT, global, PSE, high bits";

#define ALLOWED (PTE_U | PTE_PWT | PTE_PCD | PTE_A | PTE_D | PTE_AVAIL)

static uint32_t spare;

/* Fresh L1 with entry 1 = e, pinned: the result. */
static long pin_with(uint32_t e)
{
	long rc;

	check_eq(kmap(spare, PTE_RW), 0);
	((uint32_t *)KVA(spare))[1] = e;
	check_eq(kmap(spare, PTE_RO), 0);
	rc = mmuext_one(MMUEXT_PIN_L1_TABLE, pfn_to_mfn(spare));
	if (!rc)
		check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(spare)), 0);
	check_eq(kmap(spare, PTE_RW), 0);
	return rc;
}

void test_main(void)
{
	uint32_t l2 = l2_pfn(), l1 = l1_make(1), x = page_get();
	uint32_t bad[3] = { PTE_PAT, PTE_G, PTE_PAT | PTE_G };
	uint32_t va = KVA(x);

	spare = page_get();
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l1, PTE_RW)), 0);
	check_eq(set_entry(l1, 0, ptep(x, PTE_RW)), 0);
	for (unsigned i = 0; i < 3; i++) {
		check_eq(set_entry(l1, 0, ptep(x, PTE_RW | bad[i])), -EINVAL);
		check_eq(set_entry(l1, 0, ptep(x, PTE_RO | bad[i] | ALLOWED)),
			 -EINVAL);
		check_eq(HYPERVISOR_update_va_mapping(
				 SCRATCH_VA, ptep(x, PTE_RW | bad[i]), 0),
			 -EINVAL);
		check_eq(HYPERVISOR_update_va_mapping(
				 va, ptep(x, PTE_RW | bad[i]), 0),
			 -EINVAL);
		check_eq(pin_with(ptep(x, PTE_RO | bad[i])), -EINVAL);
		check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l1, PTE_RW | bad[i])),
			 -EINVAL);
	}
	check_eq(entry(l1, 0) & ~(PTE_A | PTE_D), ptep(x, PTE_RW));
	check_eq(entry(l2, SCRATCH_SLOT) & ~PTE_A, ptep(l1, PTE_RW));
	printf("PAT, global and PSE: refused every way\n");

	check_eq(mmu_set64(entry_ma(l1, 0), ptep(x, PTE_RO) | (1ull << 32)),
		 -EINVAL);
	check_eq(mmu_set64(entry_ma(l1, 0), 1ull << 63), -EINVAL);
	check_eq(mmu_set64(entry_ma(l2, SCRATCH_SLOT),
			   ptep(l1, PTE_RO) | (0xFull << 32)),
		 -EINVAL);
	check_eq(uva4(SCRATCH_VA, ptep(x, PTE_RO), 1, 0), -EINVAL);
	check_eq(uva4(SCRATCH_VA, 0, 0x100, 0), -EINVAL);
	check_eq(uva4(va, ptep(x, PTE_RO), 0xFFFFFFFFu, 0), -EINVAL);
	check_eq(entry(l1, 0) & ~(PTE_A | PTE_D), ptep(x, PTE_RW));
	check_eq(*(volatile uint32_t *)va, 0); /* still mapped */
	printf("entries above 4 GiB: refused\n");

	check_eq(set_entry(l1, 0, ptep(x, PTE_RW | ALLOWED)), 0);
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l1, PTE_RW | ALLOWED)), 0);
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(x, PTE_RW | ALLOWED), 0),
		 0);
	check_eq(pin_with(ptep(x, PTE_RW | ALLOWED)), 0);
	check_eq(set_entry(l1, 1, 0xFFFFFFFE), 0);
	check_eq(set_entry(l2, SCRATCH_SLOT + 1, 0xFFFFFFFE), 0);
	check_eq(HYPERVISOR_update_va_mapping(SCRATCH_VA + 0x2000, 0xFFFFFFFE,
					      0),
		 0);
	check_eq(pin_with(0xFFFFFFFE), 0);
	check_eq(*(volatile uint32_t *)SCRATCH_VA, 0);
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(x, PTE_RW), 0), 0);
	printf("allowed bits, and not-present entries: accepted\n");
	xtf_success("only allowed bits below 4 GiB");
}
