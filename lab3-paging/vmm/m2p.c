/*
 * The machine-to-physical table (M2P): for every machine frame, the
 * pseudo-physical frame number its owner knows it by. The VMM keeps it
 * up to date for the domains' frames; guests read it (at
 * MACH2PHYS_VIRT_START, read-only), the reverse of their own p2m list.
 * Together they are the translation between the layers of memory:
 *
 *   virtual --(guest page tables)--> machine --(M2P)--> pseudo-physical
 *   pseudo-physical --(the guest's p2m list)--> machine
 */
#include <lib/string.h>
#include <public/mmu.h>
#include <vmm/builder.h>
#include <vmm/domain.h>
#include <vmm/frame.h>
#include <vmm/memlayout.h>
#include <vmm/mm.h>
#include <vmm/paging.h>
#include <vmm/printk.h>
#include <vmm/registry.h>

_Static_assert(MACH2PHYS_VIRT_START == M2P_VIRT, "the M2P's address");

static pte_t m2p_l1_rw[ENTRIES_PER_TABLE] __aligned(PAGE_SIZE)
	__section(".bss.page_aligned"); /* the VMM's view */
static pte_t m2p_l1_ro[ENTRIES_PER_TABLE] __aligned(PAGE_SIZE)
	__section(".bss.page_aligned"); /* the guests' view */
static uint32_t *const m2p = (uint32_t *)M2P_VIRT;

/* One entry per frame of the frame table, in frames of the VMM's own,
 * all entries INVALID_M2P_ENTRY to start with. */
static void m2p_init(void)
{
	uint32_t pages = (frame_table_size * 4 + PAGE_SIZE - 1) / PAGE_SIZE;

	for (uint32_t i = 0; i < pages; i++) {
		mfn_t mfn = frame_alloc(DOMID_XEN);

		BUG_ON(mfn == INVALID_MFN);
		memset(P2V((paddr_t)mfn << PAGE_SHIFT), 0xFF, PAGE_SIZE);
		m2p_l1_rw[i] = ((paddr_t)mfn << PAGE_SHIFT) | PTE_P | PTE_W;
		m2p_l1_ro[i] = ((paddr_t)mfn << PAGE_SHIFT) | PTE_P;
	}
	vmm_pgdir[L2_INDEX(M2P_VIRT)] = V2P(m2p_l1_rw) | PTE_P | PTE_W;
	printk("M2P: %u frames at %08x\n", pages, M2P_VIRT);
}
INITCALL(20, m2p_init);

void m2p_set(mfn_t mfn, pfn_t pfn)
{
	m2p[mfn] = pfn;
}

uint32_t m2p_get(mfn_t mfn)
{
	return m2p[mfn];
}

void hole_fill(struct domain *d, pde_t *l2)
{
	paging_fill_guest_hole(l2, d->perdomain_l1);
	l2[L2_INDEX(M2P_VIRT)] = V2P(m2p_l1_ro) | PTE_P | PTE_W;
}
