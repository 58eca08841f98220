/* Pages at the edges of the address space (include/guest/edges.h). */
#include <guest/edges.h>
#include <guest/pt.h>
#include <guest/test.h>

void map_page(uint32_t va, uint32_t val)
{
	long rc = HYPERVISOR_update_va_mapping(va, val, UVMF_INVLPG);

	if (rc) {
		xtf_error("cannot map %08x: %ld", va, rc);
		test_end();
	}
}

void edges_map(struct edges *e)
{
	uint32_t l1 = l1_make(0), l1z = l1_make(0);

	e->edge = page_get();
	e->low = page_get();
	e->zero = page_get();
	check_eq(set_entry(l2_pfn(), HOLE_SLOT - 1,
			   pte(pfn_to_mfn(l1), PTE_RW)),
		 0);
	check_eq(set_entry(l2_pfn(), 0, pte(pfn_to_mfn(l1z), PTE_RW)), 0);
	map_page(EDGE_VA, ptep(e->edge, PTE_RW));
	map_page(LOW_VA, ptep(e->low, PTE_RW));
}
