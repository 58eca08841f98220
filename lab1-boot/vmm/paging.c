/*
 * The VMM's address space, and the hole as guests see it.
 *
 * The VMM's page directory (vmm_pgdir) maps only the hole: all machine
 * memory at DIRECTMAP_BASE (4 MiB pages, set up by entry.S) and the GDT
 * area. Guest memory is reached through the direct map, never through a
 * guest virtual address (guestmem.c).
 *
 * A guest's page directory maps, in the hole, only:
 *  - the trampoline L1 (slot of DIRECTMAP_BASE): the trampoline pages at
 *    their direct-map addresses, read-only, and the entry stack, writable;
 *  - its per-domain L1 (slot of PERDOMAIN_VIRT): the GDT area, read-only.
 * Both hole L2 entries are writable: the L1 entries alone decide what may
 * be written. Ring 1 counts as supervisor for the MMU, so "read-only"
 * relies on CR0.WP = 1 (set by entry.S); and no hole entry has PTE_U.
 */
#include <lib/string.h>
#include <vmm/memlayout.h>
#include <vmm/frame.h>
#include <vmm/paging.h>
#include <vmm/printk.h>
#include <vmm/segments.h>
#include <vmm/trap.h>
#include <arch/x86.h>

extern char __tramp_start[], __tramp_ro_end[], __tramp_end[];

pde_t vmm_pgdir[ENTRIES_PER_TABLE] __aligned(PAGE_SIZE)
	__section(".bss.page_aligned");
static pte_t tramp_l1[ENTRIES_PER_TABLE] __aligned(PAGE_SIZE)
	__section(".bss.page_aligned");
static pte_t vmm_perdomain_l1[ENTRIES_PER_TABLE] __aligned(PAGE_SIZE)
	__section(".bss.page_aligned");
/* What guests see in GDT pages they have not filled (all descriptors
 * not present). */
static char gdt_zero_page[PAGE_SIZE] __aligned(PAGE_SIZE)
	__section(".bss.page_aligned");

static void build_tramp_l1(void)
{
	uint32_t start = (uint32_t)(uintptr_t)__tramp_start;
	uint32_t ro_end = (uint32_t)(uintptr_t)__tramp_ro_end;
	uint32_t end = (uint32_t)(uintptr_t)__tramp_end;

	BUG_ON(L2_INDEX(start) != L2_INDEX(end - 1));
	for (uint32_t va = start; va < end; va += PAGE_SIZE)
		tramp_l1[L1_INDEX(va)] = V2P(va) | PTE_P |
					 (va < ro_end ? 0 : PTE_W);
}

void paging_init(void)
{
	build_tramp_l1();
	vmm_perdomain_l1[FIRST_RESERVED_GDT_PAGE] = V2P(vmm_gdt_page) | PTE_P |
						    PTE_W;
	vmm_pgdir[L2_INDEX(PERDOMAIN_VIRT)] = V2P(vmm_perdomain_l1) | PTE_P |
					      PTE_W;
	vmm_pgdir[0] = 0; /* the boot identity map */
	write_cr3(V2P(vmm_pgdir));
	tramp_vmm_cr3 = V2P(vmm_pgdir);
}

void paging_init_perdomain(mfn_t mfn)
{
	pte_t *l1 = P2V((paddr_t)mfn << PAGE_SHIFT);

	memset(l1, 0, PAGE_SIZE);
	for (int i = 0; i < FIRST_RESERVED_GDT_PAGE; i++)
		l1[i] = V2P(gdt_zero_page) | PTE_P;
	l1[FIRST_RESERVED_GDT_PAGE] = V2P(vmm_gdt_page) | PTE_P;
}

void paging_fill_guest_hole(pde_t *l2, mfn_t perdomain_l1)
{
	for (int i = HOLE_FIRST_SLOT; i < ENTRIES_PER_TABLE; i++)
		l2[i] = 0;
	l2[L2_INDEX(PERDOMAIN_VIRT)] = ((paddr_t)perdomain_l1 << PAGE_SHIFT) |
				       PTE_P | PTE_W;
	l2[L2_INDEX(__tramp_start)] = V2P(tramp_l1) | PTE_P | PTE_W;
}
