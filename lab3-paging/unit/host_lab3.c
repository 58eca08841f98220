/*
 * Host stand-ins for what lab 3's VMM code under test calls outside the
 * unit-tested files: the machine-to-physical table (a plain array here)
 * and the hole of a guest L2 (which the tests can recognise). Also the
 * shared set-up of lab 3's tests (unit_lab3.h), and a look-up of the
 * hypercall registry by number (its entries are global in unit builds,
 * registry.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <public/mmu.h>
#include <vmm/domain.h>
#include <vmm/memlayout.h>
#include <vmm/hypercall.h>
#include <vmm/mm.h>
#include "unit_lab3.h"

/*
 * The M2P table holds each entry inverted (~pfn), so that a zero entry, as
 * the table starts, reads as INVALID_M2P_ENTRY (all ones). A reset clears
 * only the entries written since the last one: the table is 4 MiB, and
 * touching all of it in every test case cost more than the case itself.
 * Invariant: every entry outside [m2p_lo, m2p_hi] is zero.
 */
static uint32_t unit_m2p[1u << 20];
static mfn_t m2p_lo = 1u << 20, m2p_hi;

void m2p_set(mfn_t mfn, pfn_t pfn)
{
	unit_m2p[mfn] = ~pfn;
	if (mfn < m2p_lo)
		m2p_lo = mfn;
	if (mfn > m2p_hi)
		m2p_hi = mfn;
}

uint32_t m2p_get(mfn_t mfn)
{
	return ~unit_m2p[mfn];
}

/* Every entry INVALID_M2P_ENTRY again. */
static void m2p_reset(void)
{
	if (m2p_lo <= m2p_hi)
		memset(&unit_m2p[m2p_lo], 0,
		       (m2p_hi - m2p_lo + 1) * sizeof(unit_m2p[0]));
	m2p_lo = 1u << 20;
	m2p_hi = 0;
}

/* Marks each hole slot with a value no guest entry could validate to. */
void hole_fill(struct domain *d, pde_t *l2)
{
	(void)d;
	for (unsigned i = HOLE_FIRST_SLOT; i < ENTRIES_PER_TABLE; i++)
		l2[i] = 0xF000F000u | i;
}

/* ---- shared set-up of lab 3's tests ---- */

struct domain unit_d;

static void give(mfn_t first, unsigned n, domid_t owner)
{
	for (mfn_t m = first; m < first + n; m++) {
		struct frame *f = mfn_to_frame(m);

		memset(f, 0, sizeof(*f));
		f->owner = owner;
		f->count = 1;
	}
}

void unit_lab3_init(void)
{
	unit_machine_init();
	unit_frame_table_init();
	give(UNIT_FIRST, UNIT_FRAMES, UNIT_DOMID);
	give(UNIT_OTHER, UNIT_FRAMES, UNIT_DOMID + 1);
	give(UNIT_SHARED, 1, DOMID_XEN);
	/* UNIT_BAD, past the table: to all appearances a pinned L1 of ours,
	 * so that a pin, unpin or base switch that skips mfn_valid is seen */
	*unit_frame_decoy = (struct frame){ .owner = UNIT_DOMID,
					    .type = FT_L1,
					    .flags = FF_PINNED | FF_VALIDATED,
					    .count = 2,
					    .type_count = 1 };
	memset(&unit_d, 0, sizeof(unit_d));
	unit_d.id = UNIT_DOMID;
	unit_d.state = DOM_RUNNING;
	unit_d.vcpu.domain = &unit_d;
	unit_d.ext.shared_info_mfn = UNIT_SHARED;
	current = &unit_d.vcpu;
	m2p_reset();
}

void unit_space(void)
{
	unit_table(UNIT_L2)[L2_INDEX(UNIT_VA)] = PTE(UNIT_L1, RWU);
	unit_table(UNIT_L1)[0] = PTE(UNIT_DATA, RWU);
	unit_d.vcpu.cr3 = (paddr_t)UNIT_L2 << PAGE_SHIFT;
}

void unit_set_frame(mfn_t mfn, uint32_t count, int type, uint32_t tc,
		    uint8_t flags)
{
	struct frame *f = mfn_to_frame(mfn);

	f->count = count;
	f->type = (uint8_t)type;
	f->type_count = tc;
	f->flags = flags;
}

/* The table and the decoy past it (unit.h). */
static struct frame saved[UNIT_MACHINE_FRAMES + 1];

void unit_frames_save(void)
{
	memcpy(saved, frame_table, sizeof(saved));
}

int unit_frames_diff(void)
{
	for (mfn_t m = 0; m <= UNIT_MACHINE_FRAMES; m++)
		if (memcmp(mfn_to_frame(m), &saved[m], sizeof(saved[m])))
			return (int)m;
	return -1;
}

const struct frame *unit_frame_saved(mfn_t mfn)
{
	return &saved[mfn];
}

/* ---- the hypercall registry ---- */

/* The registry entries of lab 3's hypercalls (global in unit builds). */
extern const struct hypercall_entry hypercall_do_mmu_update,
	hypercall_do_mmuext_op, hypercall_do_update_va_mapping;

hypercall_fn unit_hypercall(unsigned nr)
{
	const struct hypercall_entry *all[] = {
		&hypercall_do_mmu_update, &hypercall_do_mmuext_op,
		&hypercall_do_update_va_mapping
	};

	for (unsigned i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (all[i]->nr == nr)
			return all[i]->fn;
	return NULL;
}

/* ---- lab 4's preemption (vmm/hypercall.h): never, until lab 4 ---- */

/* Weak: lab 4's unit support replaces them with ones its tests steer. */
__attribute__((weak)) int hypercall_preempt_check(void)
{
	return 0;
}

__attribute__((weak)) long hypercall_continue(unsigned nargs,
					      const unsigned long a[5])
{
	(void)nargs, (void)a;
	abort();
}
