/*
 * teardown: a domain's page tables die with it, however it ends. Command
 * line:
 *   do=exit        build three address spaces (pinned L2s, pinned and
 *                  unpinned L1s, pages mapped writable and tables mapped
 *                  read-only), run on the second, unpin the initial L2,
 *                  and shut down with all of that in place
 *   do=crash       the same, then touch an unmapped address with no trap
 *                  handler: the VMM destroys the domain
 *   do=empty-base  switch to an L2 that maps nothing (only the VMM's
 *                  hole): the return to the guest faults at once, and the
 *                  VMM destroys the domain
 *   do=fill        turn most of our memory into page tables: 8 pinned
 *                  L2s, each holding the same 64 L1s, each mapping 16
 *                  pages writable; shut down
 *   do=check       run after the others: every M2P entry above our own
 *                  frames (the frames of the domains before us, and the
 *                  VMM's) is invalid again
 * The VMM must release every reference when it frees a domain: a count
 * left behind makes it panic freeing the frame, or report a LEAK at power
 * off; the domains after run normally.
 */
#include <lib/string.h>
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "page tables freed with their domain";

static void spaces(void)
{
	uint32_t first = l2_pfn(), l2[3];

	for (int k = 0; k < 3; k++) {
		uint32_t a = l1_make(1), b = l1_make(0), x = page_get();

		l2[k] = l2_make(1);
		check_eq(set_entry(a, 0, ptep(x, PTE_RW)), 0);
		check_eq(set_entry(a, 1, ptep(l2[k], PTE_RO)), 0);
		check_eq(set_entry(a, 2, ptep(a, PTE_RO)), 0);
		check_eq(set_entry(l2[k], SCRATCH_SLOT, ptep(a, PTE_RW)), 0);
		check_eq(set_entry(l2[k], SCRATCH_SLOT + 1, ptep(b, PTE_RO)),
			 0);
		check_eq(set_entry(b, 5, ptep(x, PTE_RW)), 0);
	}
	check_eq(base_switch(l2[1]), 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(l2[1])), 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(first)), 0);
	check_eq(*(volatile uint32_t *)SCRATCH_VA, 0);
	printf("three address spaces, running on the second\n");
}

static void fill(void)
{
	uint32_t l1[64], l2;
	unsigned pages = 0;

	for (int i = 0; i < 64; i++) {
		l1[i] = page_get();
		for (unsigned j = 0; j < 16; j++)
			((uint32_t *)KVA(l1[i]))[j] = ptep(page_get(), PTE_RW);
		check_eq(kmap(l1[i], PTE_RO), 0);
		if (i % 2)
			check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE,
					    pfn_to_mfn(l1[i])),
				 0);
		pages += 17;
	}
	for (int k = 0; k < 8; k++) {
		l2 = l2_make(1);
		for (int i = 0; i < 64; i++)
			check_eq(set_entry(l2, SCRATCH_SLOT + i,
					   ptep(l1[i], PTE_RW)),
				 0);
		pages++;
	}
	check_eq(base_switch(l2), 0);
	check_eq(*(volatile uint32_t *)SCRATCH_VA, 0);
	printf("%u pages in page tables and their mappings\n", pages);
}

static void check_m2p(void)
{
	uint32_t top = 0, bad = 0, n = 0;
	struct fault f;

	for (uint32_t pfn = 0; pfn < start_info->nr_pages; pfn++)
		if (pfn_to_mfn(pfn) > top)
			top = pfn_to_mfn(pfn);
	for (uint32_t mfn = top + 1;; mfn++, n++) {
		const uint32_t *e = &machine_to_phys[mfn];

		if ((mfn & 1023) == 0 && probe_read((uint32_t)e, &f))
			break;
		if (*e != INVALID_M2P_ENTRY && bad++ < 4)
			xtf_failure("M2P entry of frame %x is %x", mfn, *e);
	}
	printf("%u M2P entries above our frames: %u valid\n", n, bad);
	check(n > 1000);
}

void test_main(void)
{
	char what[16];

	if (!test_arg("do", what, sizeof(what))) {
		xtf_error("no do= on the command line");
		return;
	}
	printf("teardown: %s\n", what);
	if (!strcmp(what, "exit")) {
		spaces();
		xtf_success("shutting down with tables pinned");
	} else if (!strcmp(what, "crash")) {
		spaces();
		console_flush();
		*(volatile uint32_t *)SLOT_VA(300) = 1;
		xtf_failure("still running after an unhandled page fault");
	} else if (!strcmp(what, "empty-base")) {
		uint32_t e = l1_make(0);

		check_eq(kmap(e, PTE_RW), 0);
		memset((void *)KVA(e), 0, 4096);
		check_eq(kmap(e, PTE_RO), 0);
		console_flush();
		base_switch(e);
		xtf_failure("still running on an empty address space");
	} else if (!strcmp(what, "fill")) {
		fill();
		xtf_success("shutting down with every table in place");
	} else if (!strcmp(what, "check")) {
		check_m2p();
		xtf_success("the domains before us left no M2P entry");
	} else {
		xtf_error("unknown do=%s", what);
	}
}
