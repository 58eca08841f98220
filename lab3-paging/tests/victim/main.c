/*
 * victim: booted after each lab 3 attacker. Lab 3 builds every domain
 * at boot, so the victim's frames existed while the attacker ran: they
 * were the nearest foreign frames it could aim at. The victim checks
 * that nothing reached them:
 *  - the M2P and our p2m list agree on every one of our frames;
 *  - every page the builder did not fill (from the boot stack's end to
 *    the end of our memory) is still zero: nobody wrote into it;
 *  - every free page can become a pinned L1 and go back to a writable
 *    page: nobody left a type, a pin or a reference on it.
 */
#include <guest/pt.h>
#include <guest/test.h>
#include <public/layout.h>

const char test_title[] = "victim: a domain on clean frames";

/* Frames whose M2P entry is not their pfn. */
static unsigned m2p_mismatches(uint32_t nr_pages)
{
	unsigned bad = 0;

	for (uint32_t pfn = 0; pfn < nr_pages; pfn++)
		bad += machine_to_phys[pfn_to_mfn(pfn)] != pfn;
	return bad;
}

/* Pages in [first, end) that are not all zero. */
static unsigned dirty_pages(uint32_t first, uint32_t end)
{
	unsigned bad = 0;

	for (uint32_t pfn = first; pfn < end; pfn++) {
		const volatile uint32_t *p = (const uint32_t *)KVA(pfn);
		uint32_t any = 0;

		for (unsigned i = 0; i < 1024; i++)
			any |= p[i];
		bad += any != 0;
	}
	return bad;
}

/* Pages in [first, end) that refuse to become a pinned L1 and back. */
static unsigned stuck_pages(uint32_t first, uint32_t end)
{
	unsigned bad = 0;

	for (uint32_t pfn = first; pfn < end; pfn++) {
		uint32_t mfn = pfn_to_mfn(pfn);

		bad += kmap(pfn, PTE_RO) != 0 ||
		       mmuext_one(MMUEXT_PIN_L1_TABLE, mfn) != 0 ||
		       mmuext_one(MMUEXT_UNPIN_TABLE, mfn) != 0 ||
		       kmap(pfn, PTE_RW) != 0;
	}
	return bad;
}

void test_main(void)
{
	const struct start_info *si = start_info;
	uint32_t first = l2_initial() + si->nr_pt_frames + 1;
	uint32_t window = si->nr_pages - KIT_USER_PAGES(si->nr_pages);

	check_eq(m2p_mismatches(si->nr_pages), 0);
	check_eq(dirty_pages(first, si->nr_pages), 0);
	check_eq(stuck_pages(first, window), 0);
	printf("%u frames: M2P right, pages %u..%u zero, %u..%u free of "
	       "types\n",
	       (unsigned)si->nr_pages, (unsigned)first,
	       (unsigned)si->nr_pages - 1, (unsigned)first,
	       (unsigned)window - 1);
	xtf_success("nothing of the domains before reached us");
}
