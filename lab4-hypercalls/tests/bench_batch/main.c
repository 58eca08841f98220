/*
 * bench_batch: the longest stay in the VMM that one guest-chosen batch
 * causes, with and without continuations. One mmuext_op of PAIRS
 * pin/unpin pairs of an L1 whose 1024 entries all map a page: each pin
 * validates 1024 entries. The guest measures the whole call (what one
 * stay would last without continuations, as in lab 3); the VMM measures
 * its longest stay (the summary line, read by grade/bench.sh).
 */
#include <guest/events.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "benchmark: the longest stay of a long batch";

#define PAIRS 400

static struct mmuext_op ops[2 * PAIRS];
static uint32_t entries[1024];

void test_main(void)
{
	uint32_t l1 = page_get(), x = page_get(), done = 0;
	uint64_t t0, t;

	kmap(x, PTE_RO);
	for (int i = 0; i < 1024; i++)
		entries[i] = ptep(x, PTE_RO);
	page_fill(l1, entries, 1024);
	kmap(l1, PTE_RO);
	pin_unpin_ops(ops, PAIRS, MMUEXT_PIN_L1_TABLE, l1);
	t0 = rdtsc();
	check_eq(HYPERVISOR_mmuext_op(ops, 2 * PAIRS, &done), 0);
	t = rdtsc() - t0;
	check_eq(done, 2 * PAIRS);
	bench_report("batch_whole_call", (uint32_t)t, "cycles");
	xtf_success("measured");
}
