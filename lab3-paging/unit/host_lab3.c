/*
 * Host stand-ins for what lab 3's VMM code under test calls outside the
 * unit-tested files: the machine-to-physical table (a plain array here)
 * and the hole of a guest L2 (which the tests can recognise).
 */
#include <public/mmu.h>
#include <vmm/domain.h>
#include <vmm/memlayout.h>
#include <vmm/mm.h>

static uint32_t unit_m2p[1u << 20];

void m2p_set(mfn_t mfn, pfn_t pfn)
{
	unit_m2p[mfn] = pfn;
}

uint32_t m2p_get(mfn_t mfn)
{
	return unit_m2p[mfn];
}

/* Marks each hole slot with a value no guest entry could validate to. */
void hole_fill(struct domain *d, pde_t *l2)
{
	(void)d;
	for (unsigned i = HOLE_FIRST_SLOT; i < ENTRIES_PER_TABLE; i++)
		l2[i] = 0xF000F000u | i;
}
