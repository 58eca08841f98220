/*
 * The GDT and the TSS. The GDT lives at GDT_VIRT in every address space:
 * pages 0..13 belong to the guest (lab 2), page 14 holds the VMM's
 * descriptors (the selectors of public/xen.h). The TSS gives the CPU the
 * ring-0 stack for entries from a guest: the trampoline's entry stack.
 */
#ifndef VMM_SEGMENTS_H
#define VMM_SEGMENTS_H

#define VMM_CS	0xe008 /* ring 0 code */
#define VMM_DS	0xe010 /* ring 0 data */
#define VMM_TSS 0xe040 /* the TSS */

#define GDT_ENTRIES (GDT_PAGES * 512)
#define GDT_LIMIT   ((FIRST_RESERVED_GDT_ENTRY + 512) * 8 - 1)

#ifndef __ASSEMBLER__
#include <stdint.h>

/* An x86 segment descriptor (8 bytes). */
struct seg_desc {
	uint32_t lo, hi;
};

/* The hardware task-state segment (only the fields the kit uses are
 * named). */
struct tss {
	uint32_t link;
	uint32_t esp0, ss0; /* ring-0 stack: the entry stack */
	uint32_t esp1, ss1; /* ring-1 stack: the guest kernel's (lab 2) */
	uint32_t esp2, ss2;
	uint32_t cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
};

extern struct tss tss;			  /* in the trampoline */
extern struct seg_desc vmm_gdt_page[512]; /* GDT page 14 */

struct seg_desc seg_desc_make(uint32_t base, uint32_t limit_pages,
			      uint8_t access);
void gdt_init(void);

#endif
#endif
