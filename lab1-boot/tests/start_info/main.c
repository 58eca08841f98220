/*
 * start_info: what the domain builder hands a new guest (builder.h):
 * the start-info page, the pfn -> mfn list, the boot stack, and the
 * initial page tables: every pfn mapped at 0xC0000000, supervisor-only,
 * the page tables read-only, and in the hole only the per-domain slot and
 * the trampoline slot, both without the user bit.
 * Run with the command line "mem=8M alpha beta".
 */
#include <lib/string.h>
#include <guest/test.h>
#include <arch/mmu.h>

const char test_title[] = "start info, boot stack and initial page tables";

#define PFN_VA(pfn) (0xC0000000u + (pfn)*4096u)

static const uint32_t *p2m;

/* The pfn whose frame is mfn, by search (no M2P table before lab 3). */
static uint32_t mfn_to_pfn(uint32_t mfn)
{
	for (uint32_t pfn = 0; pfn < start_info->nr_pages; pfn++)
		if (p2m[pfn] == mfn)
			return pfn;
	xtf_failure("mfn %x is not in the pfn -> mfn list", mfn);
	return 0;
}

/* Our own L1 entry for va, read through the read-only mapping. */
static uint32_t l1e_of(uint32_t va)
{
	const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
	uint32_t l2e = l2[va >> 22];
	const uint32_t *l1;

	if (!(l2e & PTE_P)) {
		xtf_failure("no L2 entry for %x", va);
		return 0;
	}
	l1 = (const uint32_t *)PFN_VA(mfn_to_pfn(l2e >> 12));
	return l1[(va >> 12) & 0x3FF];
}

static void check_start_info(void)
{
	const struct start_info *si = start_info;
	uint32_t p2m_bytes = (si->nr_pages * 4 + 4095) & ~4095u;

	check(strncmp(si->magic, START_INFO_MAGIC, sizeof(si->magic)) == 0);
	check_eq(si->nr_pages, 2048);
	check(strcmp(si->cmd_line, "mem=8M alpha beta") == 0);
	check_eq((uint32_t)si, si->mfn_list + p2m_bytes);
	check_eq(si->pt_base, (uint32_t)si + 4096);
	check_eq(boot_esp, si->pt_base + (si->nr_pt_frames + 1) * 4096);
}

static void check_p2m(void)
{
	static uint8_t seen[32768 / 8];

	for (uint32_t pfn = 0; pfn < start_info->nr_pages; pfn++) {
		uint32_t mfn = p2m[pfn];

		if (mfn >= 32768 || mfn < 256 ||
		    (seen[mfn / 8] & (1 << mfn % 8)))
			xtf_failure("pfn %u: bad or repeated mfn %x", pfn, mfn);
		else
			seen[mfn / 8] |= 1 << mfn % 8;
	}
}

static void check_page_tables(void)
{
	const struct start_info *si = start_info;
	const uint32_t *l2 = (const uint32_t *)si->pt_base;
	uint32_t pt_first = (si->pt_base - 0xC0000000u) / 4096;

	for (uint32_t pfn = 0; pfn < si->nr_pages; pfn += 97) {
		uint32_t e = l1e_of(PFN_VA(pfn));
		int is_pt = pfn >= pt_first &&
			    pfn < pt_first + si->nr_pt_frames;

		check_eq(e >> 12, p2m[pfn]);
		check(!(e & PTE_U));
		check_eq(!!(e & PTE_W), !is_pt);
	}
	check(!(l1e_of(si->pt_base) & PTE_W));
	check(!(l1e_of(si->pt_base + 4096) & PTE_W));
	for (int slot = 960; slot < 1024; slot++) {
		if (!(l2[slot] & PTE_P))
			continue;
		/* 960: the machine-to-physical table, from lab 3 on */
		if (slot != 960 && slot != 961 && slot != 992)
			xtf_failure("hole slot %d is mapped: %x", slot,
				    l2[slot]);
		check(!(l2[slot] & PTE_U));
	}
	check(l2[961] & PTE_P);
	check(l2[992] & PTE_P);
}

void test_main(void)
{
	p2m = (const uint32_t *)start_info->mfn_list;
	check_start_info();
	check_p2m();
	check_page_tables();
	xtf_success("start info and page tables as documented");
}
