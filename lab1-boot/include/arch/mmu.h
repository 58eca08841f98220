/*
 * x86-32 two-level paging (non-PAE, 4 KiB pages) and segment descriptors.
 * A virtual address splits into  L2 index (10) | L1 index (10) | offset (12).
 */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#define PAGE_SHIFT 12
#define PAGE_SIZE  4096
#define PDE_SHIFT  22 /* one L2 entry maps 4 MiB */

/* Page-table entry bits (both levels). */
#define PTE_P	  0x001 /* present */
#define PTE_W	  0x002 /* writable */
#define PTE_U	  0x004 /* user (ring 3) may access */
#define PTE_PWT	  0x008
#define PTE_PCD	  0x010
#define PTE_A	  0x020 /* accessed (set by the CPU) */
#define PTE_D	  0x040 /* dirty (set by the CPU) */
#define PTE_PS	  0x080 /* in an L2 entry: a 4 MiB page */
#define PTE_PAT	  0x080 /* in an L1 entry: the same bit, the PAT index */
#define PTE_G	  0x100 /* global */
#define PTE_AVAIL 0xE00 /* free for software */
#define PTE_FLAGS 0xFFF

/* Control-register bits. */
#define CR0_PE	0x00000001
#define CR0_WP	0x00010000 /* supervisor writes obey PTE_W */
#define CR0_PG	0x80000000
#define CR4_PSE 0x00000010

#ifndef __ASSEMBLER__
#include <stdint.h>

typedef uint32_t pte_t; /* an L1 entry */
typedef uint32_t pde_t; /* an L2 entry */

#define L2_INDEX(va)	  (((uint32_t)(va) >> PDE_SHIFT) & 0x3FF)
#define L1_INDEX(va)	  (((uint32_t)(va) >> PAGE_SHIFT) & 0x3FF)
#define PAGE_OFFSET(va)	  ((uint32_t)(va) & (PAGE_SIZE - 1))
#define PTE_ADDR(e)	  ((uint32_t)(e) & ~PTE_FLAGS)
#define PTE_MFN(e)	  ((uint32_t)(e) >> PAGE_SHIFT)
#define ENTRIES_PER_TABLE 1024
#endif

/* Segment descriptor access bytes, with the accessed bit preset so the
 * CPU never writes the (read-only) GDT page. */
#define SEG_CODE(dpl) (0x9B | ((dpl) << 5)) /* present, exec/read */
#define SEG_DATA(dpl) (0x93 | ((dpl) << 5)) /* present, read/write */
#define SEG_TSS32     0x89		    /* available 32-bit TSS */

#endif
