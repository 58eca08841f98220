/*
 * Host stand-ins for what lab 2's VMM code under test calls outside the
 * unit-tested files (lab 1's are in unit/host.c): the VMM's GDT page and
 * IDT, the TSS, the current vCPU, and the crash paths (which abort, so a
 * test can expect them with .signal = SIGABRT). Also the shared set-up of
 * lab 2's tests (unit_lab2.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arch/mmu.h>
#include <public/xen.h>
#include <vmm/domain.h>
#include <vmm/memlayout.h>
#include <vmm/segments.h>
#include <vmm/trap.h>
#include "unit_lab2.h"

struct seg_desc vmm_gdt_page[512];
struct seg_desc idt[256];
struct tss tss;
uint32_t vector_stubs[256];
struct vcpu *current;

struct seg_desc unit_default_gate(void)
{
	uint32_t off = UNIT_STUB(FAST_TRAP_VECTOR);

	return (struct seg_desc){ (off & 0xFFFF) | ((uint32_t)VMM_CS << 16),
				  (off & 0xFFFF0000) | 0x8E00 };
}

/* As lab 1's idt.c: an interrupt gate of DPL dpl to the vector's stub. */
void idt_set_gate(int vec, int dpl)
{
	uint32_t off = vector_stubs[vec];

	idt[vec].lo = (off & 0xFFFF) | ((uint32_t)VMM_CS << 16);
	idt[vec].hi = (off & 0xFFFF0000) |
		      ((0x8Eu | ((uint32_t)dpl << 5)) << 8);
}

const char *trap_name(uint32_t vector)
{
	(void)vector;
	return "exception";
}

void domain_crash(struct domain *d, const struct cpu_regs *regs, uint32_t cr2,
		  const char *fmt, ...)
{
	(void)d, (void)regs, (void)cr2;
	fprintf(stderr, "domain_crash: %s\n", fmt);
	abort();
}

void crash_on_exception(struct cpu_regs *regs, uint32_t cr2)
{
	(void)regs, (void)cr2;
	fprintf(stderr, "crash_on_exception\n");
	abort();
}

/* ---- shared set-up of lab 2's tests ---- */

struct domain unit_dom;

struct seg_desc unit_seg(uint32_t base, uint32_t limit_pages, uint8_t access)
{
	struct seg_desc d;

	d.lo = (limit_pages & 0xFFFF) | (base << 16);
	d.hi = ((base >> 16) & 0xFF) | ((uint32_t)access << 8) |
	       (limit_pages & 0xF0000) | 0x00C00000 | (base & 0xFF000000);
	return d;
}

static void vmm_gdt_set(uint16_t sel, struct seg_desc d)
{
	vmm_gdt_page[(sel >> 3) - FIRST_RESERVED_GDT_ENTRY] = d;
}

void unit_lab2_init(void)
{
	uint32_t guest_pages = (GUEST_SEG_END >> PAGE_SHIFT) - 1;
	struct seg_desc tss_desc = { 0x00000067, 0x00008900 };

	unit_machine_init();
	unit_frame_table_init();
	memset(&unit_dom, 0, sizeof(unit_dom));
	unit_dom.vcpu.domain = &unit_dom;
	unit_dom.vcpu.cr3 = UNIT_L2_MFN << PAGE_SHIFT;
	for (unsigned p = 0; p < GUEST_GDT_PAGES; p++)
		unit_dom.ext.gdt_copy[p] = UNIT_GDT_MFN(p);
	current = &unit_dom.vcpu;

	memset(idt, 0, sizeof(idt));
	memset(&tss, 0, sizeof(tss));
	memset(vmm_gdt_page, 0, sizeof(vmm_gdt_page));
	vmm_gdt_set(VMM_CS, unit_seg(0, 0xFFFFF, SEG_CODE(0)));
	vmm_gdt_set(VMM_DS, unit_seg(0, 0xFFFFF, SEG_DATA(0)));
	vmm_gdt_set(FLAT_RING1_CS, unit_seg(0, guest_pages, SEG_CODE(1)));
	vmm_gdt_set(FLAT_RING1_DS, unit_seg(0, guest_pages, SEG_DATA(1)));
	vmm_gdt_set(FLAT_RING3_CS, unit_seg(0, guest_pages, SEG_CODE(3)));
	vmm_gdt_set(FLAT_RING3_DS, unit_seg(0, guest_pages, SEG_DATA(3)));
	vmm_gdt_set(VMM_TSS, tss_desc);
	for (unsigned v = 0; v < 256; v++)
		vector_stubs[v] = UNIT_STUB(v);
}

void unit_map(uint32_t va, uint32_t mfn, uint32_t flags)
{
	pde_t *l2 = (pde_t *)UNIT_PAGE(UNIT_L2_MFN);
	unsigned slot = L2_INDEX(va);
	pte_t *l1 = (pte_t *)UNIT_PAGE(UNIT_L1_MFN(slot));

	l2[slot] = (UNIT_L1_MFN(slot) << PAGE_SHIFT) | PTE_P | PTE_W | PTE_U;
	l1[L1_INDEX(va)] = flags ? (mfn << PAGE_SHIFT) | flags : 0;
}

void *unit_guest_ptr(uint32_t va)
{
	pde_t l2e = ((pde_t *)UNIT_PAGE(UNIT_L2_MFN))[L2_INDEX(va)];
	pte_t l1e;

	if (!(l2e & PTE_P))
		return NULL;
	l1e = ((pte_t *)UNIT_PAGE(PTE_MFN(l2e)))[L1_INDEX(va)];
	if (!(l1e & PTE_P))
		return NULL;
	return UNIT_PAGE(PTE_MFN(l1e)) + (va & (PAGE_SIZE - 1));
}

void unit_gdt_set(unsigned index, struct seg_desc d)
{
	struct seg_desc *page = (struct seg_desc *)UNIT_PAGE(
		unit_dom.ext.gdt_copy[index / 512]);

	page[index % 512] = d;
}

void unit_gdt_entries(unsigned entries)
{
	unit_dom.ext.gdt_entries = entries;
}

struct cpu_regs unit_regs(int ring, uint32_t eip, uint32_t esp)
{
	struct cpu_regs r;
	uint32_t *word = (uint32_t *)&r;

	for (unsigned i = 0; i < sizeof(r) / 4; i++)
		word[i] = 0x100 + i; /* edi .. error: all distinct */
	r.eip = eip;
	r.cs = ring == 3 ? FLAT_RING3_CS : FLAT_RING1_CS;
	r.eflags = 0x202; /* IF */
	r.esp = esp;
	r.ss = ring == 3 ? FLAT_RING3_SS : FLAT_RING1_SS;
	return r;
}
