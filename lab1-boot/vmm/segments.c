/*
 * The GDT and the TSS.
 *
 * The GDT register points at GDT_VIRT in every address space. Its page 14
 * (entries 7168..7679) is vmm_gdt_page below, holding the VMM's own
 * descriptors and the flat guest descriptors of public/xen.h. Guest code
 * and data segments end at the end of the read-only machine-to-physical
 * table at the bottom of the hole (lab 3), as Xen's end at 0xFC400000: on
 * real hardware ring 1 and ring 3 can then never address the rest of the
 * VMM through them (ring compression, as in Xen). QEMU's emulator does not
 * check data-segment limits, so the kit's isolation rests on the page tables
 * instead (see memlayout.h).
 */
#include <lib/compiler.h>
#include <lib/string.h>
#include <public/xen.h>
#include <vmm/memlayout.h>
#include <arch/mmu.h>
#include <vmm/segments.h>
#include <vmm/trap.h>
#include <arch/x86.h>

struct seg_desc vmm_gdt_page[512] __aligned(PAGE_SIZE)
	__section(".data.page_aligned");

#define GUEST_LIMIT_PAGES ((GUEST_SEG_END >> PAGE_SHIFT) - 1)
#define FLAT_LIMIT_PAGES  0xFFFFF

/* A descriptor with 4 KiB granularity (G=1) and 32-bit operands (D=1);
 * limit_pages is the number of the last addressable page. */
struct seg_desc seg_desc_make(uint32_t base, uint32_t limit_pages,
			      uint8_t access)
{
	struct seg_desc d;

	d.lo = (limit_pages & 0xFFFF) | (base << 16);
	d.hi = ((base >> 16) & 0xFF) | ((uint32_t)access << 8) |
	       (limit_pages & 0xF0000) | 0x00C00000 | (base & 0xFF000000);
	return d;
}

/* A 32-bit TSS descriptor: byte granularity, limit = size - 1. */
static struct seg_desc tss_desc(uint32_t base, uint32_t size)
{
	struct seg_desc d;

	d.lo = ((size - 1) & 0xFFFF) | (base << 16);
	d.hi = ((base >> 16) & 0xFF) | ((uint32_t)SEG_TSS32 << 8) |
	       (base & 0xFF000000);
	return d;
}

static void set_entry(uint16_t sel, struct seg_desc d)
{
	vmm_gdt_page[(sel >> 3) - FIRST_RESERVED_GDT_ENTRY] = d;
}

void gdt_init(void)
{
	struct desc_ptr gdtr = { GDT_LIMIT, GDT_VIRT };

	set_entry(VMM_CS, seg_desc_make(0, FLAT_LIMIT_PAGES, SEG_CODE(0)));
	set_entry(VMM_DS, seg_desc_make(0, FLAT_LIMIT_PAGES, SEG_DATA(0)));
	set_entry(FLAT_RING1_CS,
		  seg_desc_make(0, GUEST_LIMIT_PAGES, SEG_CODE(1)));
	set_entry(FLAT_RING1_DS,
		  seg_desc_make(0, GUEST_LIMIT_PAGES, SEG_DATA(1)));
	set_entry(FLAT_RING3_CS,
		  seg_desc_make(0, GUEST_LIMIT_PAGES, SEG_CODE(3)));
	set_entry(FLAT_RING3_DS,
		  seg_desc_make(0, GUEST_LIMIT_PAGES, SEG_DATA(3)));

	memset(&tss, 0, sizeof(tss));
	tss.ss0 = VMM_DS;
	tss.esp0 = (uint32_t)(uintptr_t)entry_stack_top;
	tss.iomap_base = sizeof(tss); /* no I/O bitmap: ports need IOPL */
	set_entry(VMM_TSS, tss_desc((uint32_t)(uintptr_t)&tss, sizeof(tss)));

	lgdt(&gdtr);
	__asm__ volatile("ljmp %0, $1f\n1:" : : "i"(VMM_CS));
	__asm__ volatile("movl %0, %%ds\n movl %0, %%es\n movl %0, %%ss\n"
			 "movl %1, %%fs\n movl %1, %%gs"
			 :
			 : "r"(VMM_DS), "r"(0));
	ltr(VMM_TSS);
}
