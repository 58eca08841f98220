/*
 * memory: every page the domain was given is mapped and private. Writes a
 * pattern made of the pfn and a per-domain seed over all free pages, then
 * checks it. Run two of these side by side to see that neither disturbs
 * the other (lab 5 interleaves them).
 */
#include <guest/test.h>

const char test_title[] = "all of the domain's memory is usable";

void test_main(void)
{
	const struct start_info *si = start_info;
	uint32_t first =
		(si->pt_base - 0xC0000000u) / 4096 + si->nr_pt_frames + 1;
	uint32_t seed = test_arg_hex("seed", 0x5eed);
	uint32_t bad = 0;

	for (uint32_t pfn = first; pfn < si->nr_pages; pfn++) {
		uint32_t *p = (uint32_t *)(0xC0000000u + pfn * 4096);

		for (int i = 0; i < 1024; i += 64)
			p[i] = seed ^ (pfn << 10 | (uint32_t)i);
	}
	for (uint32_t pfn = first; pfn < si->nr_pages; pfn++) {
		const uint32_t *p =
			(const uint32_t *)(0xC0000000u + pfn * 4096);

		for (int i = 0; i < 1024; i += 64)
			bad += p[i] != (seed ^ (pfn << 10 | (uint32_t)i));
	}
	check_eq(bad, 0);
	xtf_success("%u pages written and read back", si->nr_pages - first);
}
