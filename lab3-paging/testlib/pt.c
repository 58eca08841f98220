/* Page tables for lab 3 test guests: see include/guest/pt.h. */
#include <lib/string.h>
#include <guest/pt.h>
#include <guest/test.h>
#include <public/layout.h>

static uint32_t next_free, cur_l2;

long mmu_set64(uint64_t ptr, uint64_t val)
{
	struct mmu_update req = { ptr, val };

	return HYPERVISOR_mmu_update(&req, 1, 0);
}

long uva4(uint32_t va, uint32_t lo, uint32_t hi, uint32_t flags)
{
	return _hypercall4(__HYPERVISOR_update_va_mapping, va, lo, hi, flags);
}

uint32_t l2_initial(void)
{
	return va_to_pfn((const void *)start_info->pt_base);
}

uint32_t l2_pfn(void)
{
	if (!cur_l2)
		cur_l2 = l2_initial();
	return cur_l2;
}

long kmap(uint32_t pfn, uint32_t flags)
{
	return HYPERVISOR_update_va_mapping(
		KVA(pfn), flags ? ptep(pfn, flags) : 0, UVMF_INVLPG);
}

uint32_t page_get(void)
{
	const struct start_info *si = start_info;
	uint32_t end = si->nr_pages - KIT_USER_PAGES(si->nr_pages);

	if (!next_free)
		next_free = l2_initial() + si->nr_pt_frames + 1;
	if (next_free >= end) {
		xtf_error("page_get: no free page left");
		test_end();
	}
	memset((void *)KVA(next_free), 0, 4096);
	return next_free++;
}

static uint32_t table_make(unsigned cmd, int pin, int copy)
{
	uint32_t pfn = page_get();
	long rc;

	if (copy)
		for (unsigned i = 0; i < HOLE_SLOT; i++)
			((uint32_t *)KVA(pfn))[i] = entry(l2_pfn(), i);
	rc = kmap(pfn, PTE_RO);
	if (!rc && pin)
		rc = mmuext_one(cmd, pfn_to_mfn(pfn));
	if (rc) {
		xtf_error("could not make a page table of pfn %x: %ld", pfn,
			  rc);
		test_end();
	}
	return pfn;
}

uint32_t l1_make(int pin)
{
	return table_make(MMUEXT_PIN_L1_TABLE, pin, 0);
}

uint32_t l2_make(int pin)
{
	return table_make(MMUEXT_PIN_L2_TABLE, pin, 1);
}

void page_fill(uint32_t pfn, const uint32_t *entries, unsigned n)
{
	memcpy((void *)KVA(pfn), entries, n * 4);
}

long base_switch(uint32_t pfn)
{
	long rc = mmuext_one(MMUEXT_NEW_BASEPTR, pfn_to_mfn(pfn));

	if (!rc)
		cur_l2 = pfn;
	return rc;
}

int own_mfn(uint32_t mfn)
{
	uint32_t pfn = machine_to_phys[mfn];

	return pfn < start_info->nr_pages && pfn_to_mfn(pfn) == mfn;
}

/* Our frames are the highest ones but the M2P's; the domains built after
 * us have the frames below ours. Only mfns up to our own are looked up:
 * the M2P covers those. */
uint32_t foreign_mfn(void)
{
	uint32_t lowest = 0xFFFFFFFFu;

	for (uint32_t pfn = 0; pfn < start_info->nr_pages; pfn++)
		if (pfn_to_mfn(pfn) < lowest)
			lowest = pfn_to_mfn(pfn);
	for (uint32_t mfn = lowest; mfn-- > 0;)
		if (machine_to_phys[mfn] != INVALID_M2P_ENTRY && !own_mfn(mfn))
			return mfn;
	return 0;
}

uint32_t m2p_frame_mfn(void)
{
	uint32_t highest = 0;

	for (uint32_t pfn = 0; pfn < start_info->nr_pages; pfn++)
		if (pfn_to_mfn(pfn) > highest)
			highest = pfn_to_mfn(pfn);
	if (machine_to_phys[highest + 1] != INVALID_M2P_ENTRY)
		xtf_error("frame %x above ours is not the VMM's", highest + 1);
	return highest + 1;
}

uint32_t hole_l1_mfn(unsigned slot)
{
	return entry(l2_initial(), slot) >> 12;
}

uint32_t shared_info_mfn(void)
{
	return start_info->shared_info >> 12;
}
