/* Long batches for the tests of continuations (include/guest/events.h). */
#include <guest/events.h>
#include <guest/pt.h>
#include <guest/test.h>

void pin_unpin_ops(struct mmuext_op *ops, unsigned pairs, unsigned pin_cmd,
		   uint32_t pfn)
{
	for (unsigned i = 0; i < pairs; i++) {
		ops[2 * i] = (struct mmuext_op){ pin_cmd,
						 { pfn_to_mfn(pfn) },
						 { 0 } };
		ops[2 * i + 1] = (struct mmuext_op){ MMUEXT_UNPIN_TABLE,
						     { pfn_to_mfn(pfn) },
						     { 0 } };
	}
}

uint32_t l1_full(uint32_t pfn)
{
	uint32_t l1 = page_get();
	uint32_t *e = (uint32_t *)KVA(l1);

	for (unsigned i = 0; i < 1024; i++)
		e[i] = ptep(pfn, PTE_RO);
	check_eq(kmap(l1, PTE_RO), 0);
	return l1;
}
