/*
 * bench_paging: what the paths of lab 3 cost, in instructions (-icount),
 * per operation, less the same loop with no operation:
 *  - mmu_update_1: one mmu_update of one L1 entry, alternating between
 *    two pages mapped writable (each takes the new page's references and
 *    drops the old one's);
 *  - mmu_update_8, _64, _512: the same per entry, in batches of 8, 64 and
 *    512 entries per mmu_update;
 *  - update_va_mapping: one address alternating between the two pages;
 *  - new_baseptr: one switch to another L2 that is pinned, measured as
 *    switches there and back; new_baseptr_unpinned: the same with an L2
 *    that is not pinned, so that every switch to it validates it and every
 *    switch away releases it (why guests pin their L2s);
 *  - page_fault: the guest unmaps a page and touches it; its handler (a
 *    minimal one, pf.S) maps the page back and returns: the round trip,
 *    unmapping included; page_fault_bounce: that less the same loop where
 *    the guest maps the page back itself, so no fault: what the fault, the
 *    bounce and the return cost.
 */
#include <guest/pt.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "benchmark: page-table updates and page faults";

void pf_map_back(void);
extern uint32_t pf_va, pf_pte;

static struct mmu_update reqs[2][512];

#define ROUNDS 1024

static uint64_t empty_loop(unsigned n)
{
	uint64_t t0 = rdtsc();

	for (unsigned i = 0; i < n; i++)
		__asm__ volatile("" ::: "memory");
	return rdtsc() - t0;
}

/* Instructions per entry of batches of n entries (ROUNDS * 8 entries). */
static uint32_t per_entry(unsigned n)
{
	unsigned calls = ROUNDS * 8 / n;
	uint64_t t0, t1;
	long rc = 0;

	t0 = rdtsc();
	for (unsigned i = 0; i < calls; i++)
		rc |= HYPERVISOR_mmu_update(reqs[i & 1], n, 0);
	t1 = rdtsc();
	if (rc)
		xtf_error("mmu_update in the benchmark: %ld", rc);
	return (uint32_t)((t1 - t0 - empty_loop(calls)) / (calls * n));
}

static uint32_t per_switch(uint32_t there, uint32_t back)
{
	uint64_t t0, t1;
	long rc = 0;

	t0 = rdtsc();
	for (unsigned i = 0; i < ROUNDS; i++) {
		rc |= base_switch(there);
		rc |= base_switch(back);
	}
	t1 = rdtsc();
	if (rc)
		xtf_error("new_baseptr in the benchmark: %ld", rc);
	return (uint32_t)((t1 - t0 - empty_loop(ROUNDS)) / (2 * ROUNDS));
}

void test_main(void)
{
	uint32_t l1 = l1_make(1), x = page_get(), y = page_get();
	uint32_t l2 = l2_pfn(), b = l2_make(1), c = l2_make(0);
	uint32_t va = KVA(page_get()), p = va_to_pfn((void *)va);
	volatile uint32_t *touch = (uint32_t *)va;
	uint64_t t0, t1, t2;
	long rc = 0;

	for (unsigned i = 0; i < 512; i++) {
		reqs[0][i] =
			(struct mmu_update){ entry_ma(l1, i), ptep(x, PTE_RW) };
		reqs[1][i] =
			(struct mmu_update){ entry_ma(l1, i), ptep(y, PTE_RW) };
	}
	check_eq(set_entry(l1, 0, ptep(y, PTE_RW)), 0);
	t0 = rdtsc();
	for (unsigned i = 0; i < ROUNDS; i++)
		rc |= set_entry(l1, 0, ptep(i & 1 ? y : x, PTE_RW));
	t1 = rdtsc();
	bench_report("mmu_update_1",
		     (uint32_t)((t1 - t0 - empty_loop(ROUNDS)) / ROUNDS),
		     "cycles");
	bench_report("mmu_update_8", per_entry(8), "cycles");
	bench_report("mmu_update_64", per_entry(64), "cycles");
	bench_report("mmu_update_512", per_entry(512), "cycles");

	t0 = rdtsc();
	for (unsigned i = 0; i < ROUNDS; i++)
		rc |= HYPERVISOR_update_va_mapping(
			va, ptep(i & 1 ? p : x, PTE_RW), UVMF_INVLPG);
	t1 = rdtsc();
	bench_report("update_va_mapping",
		     (uint32_t)((t1 - t0 - empty_loop(ROUNDS)) / ROUNDS),
		     "cycles");
	if (rc)
		xtf_error("a benchmark's update was refused");

	bench_report("new_baseptr", per_switch(b, l2), "cycles");
	bench_report("new_baseptr_unpinned", per_switch(c, l2), "cycles");

	pf_va = va;
	pf_pte = ptep(p, PTE_RW);
	check_eq(trap_set(14, 0, 0, pf_map_back), 0);
	t0 = rdtsc();
	for (unsigned i = 0; i < ROUNDS; i++) {
		HYPERVISOR_update_va_mapping(va, 0, 0);
		(void)*touch;
	}
	t1 = rdtsc();
	for (unsigned i = 0; i < ROUNDS; i++) {
		HYPERVISOR_update_va_mapping(va, 0, 0);
		HYPERVISOR_update_va_mapping(va, pf_pte, 0);
		(void)*touch;
	}
	t2 = rdtsc();
	bench_report("page_fault",
		     (uint32_t)((t1 - t0 - empty_loop(ROUNDS)) / ROUNDS),
		     "cycles");
	bench_report("page_fault_bounce",
		     (uint32_t)(((t1 - t0) - (t2 - t1)) / ROUNDS), "cycles");
	xtf_success("measured");
}
