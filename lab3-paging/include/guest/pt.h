/*
 * Page tables for lab 3 test guests (test library): free pages of our
 * own, fresh L1 and L2 tables, entries and what they map, the frames of
 * other domains and of the VMM, and the page-table hypercalls applied to
 * them (include/guest/hypercall_mmu.h).
 *
 * Our frames are named by pfn: the builder maps every pfn at KVA(pfn)
 * (writable; read-only for the initial page tables), and page_get hands
 * out the ones nobody uses. Frames that are not ours are named by mfn.
 * A page table must not be mapped writable anywhere, so a fresh table is
 * first made read-only at its KVA (kmap), then pinned or hooked in.
 */
#ifndef GUEST_PT_H
#define GUEST_PT_H

#include <stdint.h>
#include <arch/mmu.h>
#include <guest/hypercall_mmu.h>

#define KVA(pfn)     (0xC0000000u + (uint32_t)(pfn)*4096u)
#define PTE_RO	     PTE_P
#define PTE_RW	     (PTE_P | PTE_W)
#define PTE_PAT	     0x080 /* bit 7 of an L1 entry (PTE_PS in an L2) */
#define HOLE_SLOT    960   /* first L2 slot of the VMM hole */
#define SLOT_VA(s)   ((uint32_t)(s) << 22)
#define SCRATCH_SLOT 256 /* L2 slots 256..767 (0x40000000..) are unused */
#define SCRATCH_VA   SLOT_VA(SCRATCH_SLOT)
#define MFN_BEYOND   0xFFFFFu /* the largest mfn an entry can name */

/* An entry mapping machine frame mfn with flags. */
static inline uint32_t pte(uint32_t mfn, uint32_t flags)
{
	return (mfn << 12) | flags;
}

/* An entry mapping our frame pfn with flags. */
static inline uint32_t ptep(uint32_t pfn, uint32_t flags)
{
	return pte(pfn_to_mfn(pfn), flags);
}

/* The machine address of entry i of our page table pfn (for mmu_update). */
static inline uint32_t entry_ma(uint32_t pfn, unsigned i)
{
	return (pfn_to_mfn(pfn) << 12) + i * 4;
}

/* Entry i of our page table pfn, read through its kernel mapping. */
static inline uint32_t entry(uint32_t pfn, unsigned i)
{
	return ((volatile const uint32_t *)KVA(pfn))[i];
}

/* Sets entry i of our page table pfn with one mmu_update. */
static inline long set_entry(uint32_t pfn, unsigned i, uint32_t val)
{
	return mmu_set(entry_ma(pfn, i), val);
}

/* mmu_update with 64-bit ptr and val (their high halves must be 0). */
long mmu_set64(uint64_t ptr, uint64_t val);

/* update_va_mapping(va, val_lo, val_hi, flags) with every argument. */
long uva4(uint32_t va, uint32_t lo, uint32_t hi, uint32_t flags);

/* The L2 in use (the initial one, start_info.pt_base, until base_switch)
 * and the initial one. */
uint32_t l2_pfn(void);
uint32_t l2_initial(void);

/* Maps our frame pfn at KVA(pfn) with flags (PTE_RW, PTE_RO, or 0 to
 * unmap it): update_va_mapping's result. */
long kmap(uint32_t pfn, uint32_t flags);

/* A free page of ours, zeroed, mapped writable at KVA (pfns between the
 * boot stack and the user window). Ends the test in ERROR when none is
 * left. */
uint32_t page_get(void);

/* A fresh empty L1 (pinned if pin), and a fresh L2 holding the current
 * L2's guest entries (pinned if pin), so the kernel runs in it: both
 * read-only at KVA. They end the test in ERROR if the VMM refuses. */
uint32_t l1_make(int pin);
uint32_t l2_make(int pin);

/* Writes 1024 entries into our page pfn, which must be writable at KVA:
 * the contents a table will be validated with. */
void page_fill(uint32_t pfn, const uint32_t *entries, unsigned n);

/* MMUEXT_NEW_BASEPTR to our pfn, remembered as the L2 in use if it
 * works. */
long base_switch(uint32_t pfn);

/* Whether machine frame mfn is ours (by the M2P and our p2m list). */
int own_mfn(uint32_t mfn);

/* Frames that are not ours: the highest frame of another domain below
 * ours (0 if there is none: boot a victim after the test), the frame just
 * above our highest one (the M2P's: the VMM allocates it at boot, from the
 * top of memory, before the builder takes ours), the L1 of hole slot
 * `slot` (a VMM frame, named by our L2), our shared-info page. */
uint32_t foreign_mfn(void);
uint32_t m2p_frame_mfn(void);
uint32_t hole_l1_mfn(unsigned slot);
uint32_t shared_info_mfn(void);

#endif
