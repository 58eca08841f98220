/*
 * writable_pagetable (hostile): a writable mapping of one of our own page
 * tables would let the guest write any entry, unvalidated: map any
 * machine frame. The targets: our L2 in use (pinned, the base), the
 * kernel's L1 (in the initial L2, never pinned), an L1 pinned only, an
 * L1 hooked only, a pinned L2 not in use, and an L1 held only through
 * that L2. The ways in, for each:
 *  - update_va_mapping of its kernel address, writable: -EBUSY;
 *  - mmu_update of an entry of an L1 in use, writable (user too): -EBUSY;
 *  - a fresh L1 mapping it writable, pinned or hooked in: -EBUSY, and
 *    the fresh L1 left an ordinary page;
 *  - a fresh L2 whose L1 maps it writable, pinned or made our base:
 *    -EBUSY;
 * and each time the table is still read-only (a write faults, error 3)
 * and unchanged.
 * GDT frames need no such rule in the kit: set_gdt copies the guest's
 * descriptors into VMM frames after checking them (lab 2), so the guest's
 * own frames stay ordinary pages; the copies are not the guest's to map
 * (map_foreign covers the VMM's frames).
 * A vulnerable VMM lets one writable mapping through: this guest then
 * finds the table writable and reports FAILURE; a fixed one refuses all,
 * and the victim booted next runs.
 */
#include <lib/string.h>
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "no writable mapping of a page table";

static uint32_t l1, fresh, fresh2, copy[1024];

static void still_readonly(uint32_t t, const char *what)
{
	struct fault f;

	if (!probe_write(KVA(t), &f) || f.error != 3)
		xtf_failure("%s: writable at its kernel address", what);
	for (unsigned i = 0; i < HOLE_SLOT; i++)
		if ((entry(t, i) ^ copy[i]) & ~(PTE_A | PTE_D)) {
			xtf_failure("%s: entry %u changed", what, i);
			break;
		}
	if (!probe_write(SCRATCH_VA, &f))
		xtf_failure("%s: writable at 0x40000000", what);
}

/* Makes `fresh` hold entry e (and be read-only): for validation. */
static void fill(uint32_t pfn, unsigned i, uint32_t e)
{
	check_eq(kmap(pfn, PTE_RW), 0);
	memset((void *)KVA(pfn), 0, 4096);
	((uint32_t *)KVA(pfn))[i] = e;
	check_eq(kmap(pfn, PTE_RO), 0);
}

static void attack(uint32_t t, const char *what)
{
	uint32_t l2 = l2_pfn(), m = pfn_to_mfn(t);

	memcpy(copy, (const void *)KVA(t), 4096);
	check_eq(kmap(t, PTE_RW), -EBUSY);
	check_eq(kmap(t, PTE_RW | PTE_U), -EBUSY);
	check_eq(set_entry(l1, 0, pte(m, PTE_RW)), -EBUSY);
	check_eq(set_entry(l1, 0, pte(m, PTE_RW | PTE_U | PTE_D)), -EBUSY);
	check_eq(HYPERVISOR_update_va_mapping(SCRATCH_VA, pte(m, PTE_RW), 0),
		 -EBUSY);
	check_eq(entry(l1, 0), 0);

	fill(fresh, 3, pte(m, PTE_RW));
	check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, pfn_to_mfn(fresh)), -EBUSY);
	check_eq(set_entry(l2, SCRATCH_SLOT + 1, ptep(fresh, PTE_RW)), -EBUSY);
	check_eq(kmap(fresh, PTE_RW), 0);

	fill(fresh, 3, pte(m, PTE_RW));
	for (unsigned i = 0; i < HOLE_SLOT; i++)
		if (i != SCRATCH_SLOT)
			((uint32_t *)KVA(fresh2))[i] = entry(l2, i);
	((uint32_t *)KVA(fresh2))[SCRATCH_SLOT] = ptep(fresh, PTE_RW);
	check_eq(kmap(fresh2, PTE_RO), 0);
	check_eq(mmuext_one(MMUEXT_PIN_L2_TABLE, pfn_to_mfn(fresh2)), -EBUSY);
	check_eq(base_switch(fresh2), -EBUSY);
	check_eq(kmap(fresh, PTE_RW), 0);
	check_eq(kmap(fresh2, PTE_RW), 0);
	still_readonly(t, what);
	printf("%s: no writable mapping\n", what);
}

void test_main(void)
{
	uint32_t l2 = l2_pfn(), kl1 = machine_to_phys[entry(l2, 768) >> 12];
	uint32_t pinned = l1_make(1), hooked = l1_make(0), b = l2_make(1);
	uint32_t deep = l1_make(0);
	struct fault f;

	probe_read(0xC0000000, &f); /* installs the test's trap table */
	l1 = l1_make(1);
	fresh = page_get();
	fresh2 = page_get();
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l1, PTE_RW)), 0);
	check_eq(set_entry(l2, SCRATCH_SLOT + 2, ptep(hooked, PTE_RW)), 0);
	check_eq(set_entry(b, SCRATCH_SLOT + 3, ptep(deep, PTE_RO)), 0);

	attack(l2, "our L2 in use");
	attack(kl1, "the kernel's L1");
	attack(l1, "the L1 at 0x40000000");
	attack(pinned, "a pinned L1");
	attack(hooked, "an L1 in our L2 only");
	attack(b, "a pinned L2 not in use");
	attack(deep, "an L1 in that L2 only");
	xtf_success("every page table stayed read-only");
}
