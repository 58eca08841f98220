/*
 * map_foreign (hostile): mapping frames the domain does not own. The
 * targets: the highest frame of the next domain (the victim, found in the
 * M2P table: a frame with a pseudo-physical number that is not ours), a
 * frame of the M2P table itself (just above ours), the VMM's per-domain
 * L1 and the M2P's L1 (both named by the hole slots of our own L2), the
 * VMM's image at 1 MiB, frame 0, and frames beyond memory (0x8000: 128
 * MiB, and the largest an entry can name). For each, every way in:
 *  - an L1 entry by mmu_update and by update_va_mapping, read-only and
 *    writable, user or not: -EPERM;
 *  - an entry of a fresh L1 that is then pinned, or hooked into our L2:
 *    -EPERM, and the L1 is left an ordinary page;
 *  - an L2 entry naming it as an L1: -EPERM;
 *  - pinning it, or making it our base: -EPERM.
 * After each refusal nothing maps it (a read of 0x40000000 faults).
 * A vulnerable VMM lets one through: this guest then reads the frame; a
 * VMM that reads the frame-table record of a frame beyond memory reads
 * ordinary memory past the table (the direct map covers it), which this
 * test cannot see (unit_pin can: unit/host.c puts a decoy there). A
 * fixed one refuses all, the victim booted next runs untouched, and the
 * VMM's final check finds no leak.
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "frames the domain does not own cannot be mapped";

static uint32_t l1, spare;

static void no_mapping(const char *what)
{
	struct fault f;

	if (!probe_read(SCRATCH_VA, &f))
		xtf_failure("%s: 0x40000000 is mapped", what);
}

static void attack(uint32_t mfn, const char *what)
{
	static const uint32_t flags[] = { PTE_RO, PTE_RW, PTE_RW | PTE_U };
	uint32_t l2 = l2_pfn();

	for (unsigned i = 0; i < 3; i++) {
		check_eq(set_entry(l1, 0, pte(mfn, flags[i])), -EPERM);
		no_mapping(what);
		check_eq(HYPERVISOR_update_va_mapping(
				 SCRATCH_VA, pte(mfn, flags[i]), UVMF_INVLPG),
			 -EPERM);
		no_mapping(what);
		check_eq(kmap(spare, PTE_RW), 0);
		((uint32_t *)KVA(spare))[0] = pte(mfn, flags[i]);
		check_eq(kmap(spare, PTE_RO), 0);
		check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, pfn_to_mfn(spare)),
			 -EPERM);
		check_eq(set_entry(l2, SCRATCH_SLOT + 1, ptep(spare, PTE_RW)),
			 -EPERM);
		check_eq(kmap(spare, PTE_RW), 0);
		check_eq(set_entry(l2, SCRATCH_SLOT + 1, pte(mfn, flags[i])),
			 -EPERM);
	}
	check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, mfn), -EPERM);
	check_eq(mmuext_one(MMUEXT_PIN_L2_TABLE, mfn), -EPERM);
	check_eq(mmuext_one(MMUEXT_NEW_BASEPTR, mfn), -EPERM);
	no_mapping(what);
	check_eq(entry(l1, 0), 0);
	check_eq(entry(l2, SCRATCH_SLOT + 1), 0);
	printf("%s (mfn %x): refused every way\n", what, mfn);
}

void test_main(void)
{
	uint32_t victim = foreign_mfn();

	l1 = l1_make(1);
	spare = page_get();
	check_eq(set_entry(l2_pfn(), SCRATCH_SLOT, ptep(l1, PTE_RW)), 0);
	if (!victim) {
		xtf_error("no other domain: boot a victim after this test");
		return;
	}
	attack(victim, "the next domain's frame");
	attack(m2p_frame_mfn(), "a frame of the M2P table");
	attack(hole_l1_mfn(HOLE_SLOT), "the M2P's L1");
	attack(hole_l1_mfn(HOLE_SLOT + 1), "our per-domain L1 (GDT area)");
	attack(0x100, "the VMM's image");
	attack(0, "frame 0");
	attack(0x8000, "the frame at 128 MiB (beyond memory)");
	attack(MFN_BEYOND, "the last frame an entry can name");
	check_eq(set_entry(l2_pfn(), SCRATCH_SLOT, 0), 0);
	xtf_success("no frame of another owner mapped");
}
