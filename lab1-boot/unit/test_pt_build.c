/*
 * The domain builder's page-table writer, pt_map_page (exercise 7), on the
 * simulated machine. The domain has 64 pseudo-physical frames scattered
 * over machine memory in descending order (pfn i is mfn 4000 - 37 i), so
 * mixing up pfns and mfns, or assuming contiguity, shows. Its L2 is pfn
 * 10 and its L1 pool pfns 11..13, filled with junk so that an L1 taken
 * from the pool must be zeroed. Checked: the L1 entry (machine address,
 * PTE_P implied, flags kept), the L2 entry of a new L1 (P|W|U), one L1 per
 * 4 MiB region taken in pool order, -ENOMEM once the pool is used up,
 * -EINVAL for a va in the hole or a pfn past nr_pages (changing nothing),
 * and remapping replacing the old entry.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include <vmm/pt.h>
#include "unit.h"

#define NR_PAGES 64
#define L2_PFN	 10
#define POOL	 11 /* pool pfns 11, 12, 13 */
#define POOL_END 14

static mfn_t p2m[NR_PAGES];
static struct pt_builder b;

static void setup(void)
{
	unit_machine_init();
	for (int i = 0; i < NR_PAGES; i++)
		p2m[i] = 4000 - 37 * i;
	for (int i = POOL; i < POOL_END; i++)
		memset(UNIT_PAGE(p2m[i]), 0xFF, 4096);
	b = (struct pt_builder){ p2m, NR_PAGES, L2_PFN, POOL, POOL_END };
}

TestSuite(pt_map_page, .init = setup);

static pde_t *l2(void)
{
	return (pde_t *)UNIT_PAGE(p2m[L2_PFN]);
}

static pte_t *pool_l1(int pfn)
{
	return (pte_t *)UNIT_PAGE(p2m[pfn]);
}

static uint32_t ma(int pfn)
{
	return p2m[pfn] << 12;
}

Test(pt_map_page, first_mapping)
{
	cr_assert_eq(pt_map_page(&b, 0xC0000000, 5, PTE_W), 0);
	cr_assert_eq(l2()[768], ma(POOL) | PTE_P | PTE_W | PTE_U,
		     "L2[768] = %#x", l2()[768]);
	cr_assert_eq(pool_l1(POOL)[0], ma(5) | PTE_P | PTE_W,
		     "L1[0] = %#x, want %#x", pool_l1(POOL)[0],
		     ma(5) | PTE_P | PTE_W);
	cr_assert_eq(b.next_pfn, POOL + 1);
	/* The rest of the new L1 was zeroed; the rest of the L2 untouched. */
	for (int i = 1; i < 1024; i++)
		cr_assert_eq(pool_l1(POOL)[i], 0, "L1[%d] = %#x", i,
			     pool_l1(POOL)[i]);
	for (int i = 0; i < 1024; i++)
		if (i != 768)
			cr_assert_eq(l2()[i], 0, "L2[%d] = %#x", i, l2()[i]);
}

Test(pt_map_page, present_implied)
{
	cr_assert_eq(pt_map_page(&b, 0x00401000, 7, 0), 0);
	cr_assert_eq(l2()[1], ma(POOL) | PTE_P | PTE_W | PTE_U);
	cr_assert_eq(pool_l1(POOL)[1], ma(7) | PTE_P);
}

Test(pt_map_page, flags_kept)
{
	uint32_t f = PTE_U | PTE_PCD | PTE_PWT | PTE_G | PTE_AVAIL;

	cr_assert_eq(pt_map_page(&b, 0xC0002000, 20, f), 0);
	cr_assert_eq(pool_l1(POOL)[2], ma(20) | PTE_P | f, "L1[2] = %#x",
		     pool_l1(POOL)[2]);
	cr_assert_eq(pt_map_page(&b, 0xC0003000, 21, PTE_P | PTE_W), 0);
	cr_assert_eq(pool_l1(POOL)[3], ma(21) | PTE_P | PTE_W);
}

/* Both ends of one 4 MiB region share the L1 taken for the first. */
Test(pt_map_page, one_l1_per_region)
{
	cr_assert_eq(pt_map_page(&b, 0xC0000000, 1, 0), 0);
	cr_assert_eq(pt_map_page(&b, 0xC03FF000, 2, PTE_W), 0);
	cr_assert_eq(b.next_pfn, POOL + 1, "took a second L1");
	cr_assert_eq(pool_l1(POOL)[0], ma(1) | PTE_P);
	cr_assert_eq(pool_l1(POOL)[1023], ma(2) | PTE_P | PTE_W);
}

/* A new region takes the next pool frame, in order. */
Test(pt_map_page, regions_take_pool_in_order)
{
	cr_assert_eq(pt_map_page(&b, 0xC0400000, 30, 0), 0);
	cr_assert_eq(pt_map_page(&b, 0x00000000, 31, 0), 0);
	cr_assert_eq(pt_map_page(&b, 0xEFFFF000, 32, 0), 0);
	cr_assert_eq(b.next_pfn, POOL_END);
	cr_assert_eq(l2()[769], ma(POOL) | PTE_P | PTE_W | PTE_U);
	cr_assert_eq(l2()[0], ma(POOL + 1) | PTE_P | PTE_W | PTE_U);
	cr_assert_eq(l2()[959], ma(POOL + 2) | PTE_P | PTE_W | PTE_U);
	cr_assert_eq(pool_l1(POOL)[0], ma(30) | PTE_P);
	cr_assert_eq(pool_l1(POOL + 1)[0], ma(31) | PTE_P);
	cr_assert_eq(pool_l1(POOL + 2)[1023], ma(32) | PTE_P);
}

Test(pt_map_page, pool_exhausted)
{
	for (int i = 0; i < POOL_END - POOL; i++)
		cr_assert_eq(pt_map_page(&b, 0xC0000000 + (i << 22), i, 0), 0);
	cr_assert_eq(pt_map_page(&b, 0xC0C00000, 40, 0), -ENOMEM);
	cr_assert_eq(l2()[771], 0, "L2 slot filled without an L1");
	cr_assert_eq(b.next_pfn, POOL_END);
	/* Regions that have their L1 still work. */
	cr_assert_eq(pt_map_page(&b, 0xC0801000, 41, 0), 0);
	cr_assert_eq(pool_l1(POOL + 2)[1], ma(41) | PTE_P);
}

Test(pt_map_page, empty_pool)
{
	b.next_pfn = b.end_pfn;
	cr_assert_eq(pt_map_page(&b, 0xC0000000, 1, 0), -ENOMEM);
}

Test(pt_map_page, invalid_arguments)
{
	cr_assert_eq(pt_map_page(&b, HOLE_START, 1, 0), -EINVAL);
	cr_assert_eq(pt_map_page(&b, 0xFFFFF000, 1, 0), -EINVAL);
	cr_assert_eq(pt_map_page(&b, 0xC0000000, NR_PAGES, 0), -EINVAL);
	cr_assert_eq(pt_map_page(&b, 0xC0000000, 0xFFFFFFFF, 0), -EINVAL);
	cr_assert_eq(b.next_pfn, POOL, "a refused mapping took an L1");
	for (int i = 0; i < 1024; i++)
		cr_assert_eq(l2()[i], 0, "L2[%d] = %#x", i, l2()[i]);
	/* The last page below the hole and the last pfn are fine. */
	cr_assert_eq(pt_map_page(&b, HOLE_START - 0x1000, NR_PAGES - 1, 0), 0);
	cr_assert_eq(pool_l1(POOL)[1023], ma(NR_PAGES - 1) | PTE_P);
}

Test(pt_map_page, remap_replaces)
{
	cr_assert_eq(pt_map_page(&b, 0xC0005000, 5, PTE_W | PTE_U), 0);
	cr_assert_eq(pt_map_page(&b, 0xC0005000, 6, 0), 0);
	cr_assert_eq(pool_l1(POOL)[5], ma(6) | PTE_P, "L1[5] = %#x, want %#x",
		     pool_l1(POOL)[5], ma(6) | PTE_P);
	cr_assert_eq(b.next_pfn, POOL + 1);
}

/* The builder maps the page tables themselves, read-only. */
Test(pt_map_page, map_own_tables)
{
	cr_assert_eq(pt_map_page(&b, 0xC000A000, L2_PFN, 0), 0);
	cr_assert_eq(pt_map_page(&b, 0xC000B000, POOL, 0), 0);
	cr_assert_eq(pool_l1(POOL)[10], ma(L2_PFN) | PTE_P);
	cr_assert_eq(pool_l1(POOL)[11], ma(POOL) | PTE_P);
	cr_assert_eq(l2()[768], ma(POOL) | PTE_P | PTE_W | PTE_U);
}
