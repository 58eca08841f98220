/* The domain builder's page-table writer (exercise 7). */
#include <lib/exercise.h>
#include <lib/string.h>
#include <public/errno.h>
#include <vmm/pt.h>

int pt_map_page(struct pt_builder *b, vaddr_t va, pfn_t pfn, uint32_t flags)
{
	/* BEGIN LAB 1 EXERCISE 7 (pt_map_page) */
	pde_t *l2;
	pte_t *l1;

	if (va >= HOLE_START || pfn >= b->nr_pages)
		return -EINVAL;
	l2 = pfn_table(b, b->l2_pfn);
	if (!(l2[L2_INDEX(va)] & PTE_P)) {
		if (b->next_pfn >= b->end_pfn)
			return -ENOMEM;
		memset(pfn_table(b, b->next_pfn), 0, PAGE_SIZE);
		l2[L2_INDEX(va)] =
			((paddr_t)b->p2m[b->next_pfn] << PAGE_SHIFT) | PTE_P |
			PTE_W | PTE_U;
		b->next_pfn++;
	}
	l1 = P2V(PTE_ADDR(l2[L2_INDEX(va)]));
	l1[L1_INDEX(va)] = ((paddr_t)b->p2m[pfn] << PAGE_SHIFT) |
			   (flags & PTE_FLAGS) | PTE_P;
	return 0;
	/* END LAB 1 EXERCISE 7 */
}
