/*
 * foreign_tables (hostile): the page tables of another domain. This guest
 * finds every frame of the next domain (the victim) in the M2P table,
 * its L2 and L1s among them, and on each tries:
 *  - mmu_update of its entry 0 (to 0: unmapping the victim's first page
 *    or 4 MiB): -EINVAL, it is not a page table of ours;
 *  - MMU_MACHPHYS_UPDATE of its M2P entry: -EPERM, the entry unchanged;
 *  - unpinning it (the victim's L2 is pinned): -EINVAL;
 *  - pinning it as an L1 or an L2, making it our base: -EPERM.
 * A vulnerable VMM that looks only at the frame's type lets this guest
 * change the victim's tables (the victim then crashes or maps what we
 * chose) or drop the pin the victim's VMM state relies on; a fixed one
 * refuses each, and the victim booted next runs untouched.
 */
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "another domain's page tables are not ours";

void test_main(void)
{
	uint32_t top = foreign_mfn(), n = 0, bad = 0;

	if (!top) {
		xtf_error("no other domain: boot a victim after this test");
		return;
	}
	for (uint32_t mfn = top + 1; mfn-- > 0;) {
		uint32_t m2p = machine_to_phys[mfn];
		struct mmu_update req = {
			((uint64_t)mfn << 12) | MMU_MACHPHYS_UPDATE, 0
		};

		if (m2p == INVALID_M2P_ENTRY || own_mfn(mfn))
			continue;
		n++;
		bad += mmu_set(mfn << 12, 0) != -EINVAL;
		bad += mmu_set((mfn << 12) + 4092, 0) != -EINVAL;
		bad += HYPERVISOR_mmu_update(&req, 1, 0) != -EPERM;
		bad += machine_to_phys[mfn] != m2p;
		bad += mmuext_one(MMUEXT_UNPIN_TABLE, mfn) != -EINVAL;
		bad += mmuext_one(MMUEXT_PIN_L1_TABLE, mfn) != -EPERM;
		bad += mmuext_one(MMUEXT_PIN_L2_TABLE, mfn) != -EPERM;
		bad += mmuext_one(MMUEXT_NEW_BASEPTR, mfn) != -EPERM;
		if (bad) {
			xtf_failure("frame %x of another domain (its pfn %x): "
				    "%u operations not refused as they must",
				    mfn, m2p, bad);
			break;
		}
	}
	printf("%u frames of another domain: every operation refused\n", n);
	check(n >= 256);
	xtf_success("another domain's tables left alone");
}
