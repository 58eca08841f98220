/* Long batches for the tests of continuations (include/guest/events.h). */
#include <guest/events.h>
#include <guest/pt.h>

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
