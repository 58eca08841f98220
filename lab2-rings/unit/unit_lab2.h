/*
 * Shared set-up for lab 2's host unit tests (unit/host_lab2.c): a domain
 * whose vCPU is `current`, with page tables in the simulated machine that
 * the tests fill with unit_map, the VMM's GDT page holding the descriptors
 * gdt_init gives it, and a guest GDT copy that unit_gdt_set fills in.
 */
#ifndef UNIT_UNIT_LAB2_H
#define UNIT_UNIT_LAB2_H

#include <stdint.h>
#include <arch/mmu.h>
#include <vmm/domain.h>
#include <vmm/segments.h>
#include "../../lab1-boot/unit/unit.h"

#define UNIT_L2_MFN	100		 /* the domain's L2 */
#define UNIT_L1_MFN(s)	(1000 + (s))	 /* the L1 of L2 slot s, when mapped */
#define UNIT_GDT_MFN(p) (3000 + 7 * (p)) /* guest GDT copy page p */

/* The domain of every lab 2 test; current is &unit_dom.vcpu. */
extern struct domain unit_dom;

/* The VMM's IDT (tramp.S in the VMM; host_lab2.c here). */
extern struct seg_desc idt[256];

/*
 * (Re)starts from scratch: a zeroed machine and full frame table, an empty
 * L2 for unit_dom, no guest GDT entries, a zeroed IDT and TSS, the VMM's
 * GDT page as gdt_init fills it (VMM_CS, VMM_DS, the four flat guest
 * descriptors ending at GUEST_SEG_END, VMM_TSS), and vector_stubs[v] =
 * UNIT_STUB(v).
 */
void unit_lab2_init(void);
#define UNIT_STUB(v) (0x00101000u + 16u * (v))

/* Maps guest page va to machine frame mfn with PTE flags `flags` (0 to
 * unmap); the L2 entry is present, writable and user. */
void unit_map(uint32_t va, uint32_t mfn, uint32_t flags);

/* Where guest address va lands in the simulated machine, through the
 * mapping unit_map made (NULL if it is not mapped). */
void *unit_guest_ptr(uint32_t va);

/* A descriptor like seg_desc_make's: 4 KiB granularity, 32-bit,
 * limit_pages the number of the last page, access the access byte. */
struct seg_desc unit_seg(uint32_t base, uint32_t limit_pages, uint8_t access);

/* Writes entry `index` of the guest GDT copy (as set_gdt leaves it, with
 * no check) and makes the first `entries` entries in use. */
void unit_gdt_set(unsigned index, struct seg_desc d);
void unit_gdt_entries(unsigned entries);

/* The VMM's own gate for FAST_TRAP_VECTOR (idt_set_gate, with
 * vector_stubs as unit_lab2_init sets them): an interrupt gate of DPL 0 to
 * UNIT_STUB(0x80); fast_trap_install gives it when the vCPU has no usable
 * handler for 0x80. */
struct seg_desc unit_default_gate(void);

/* idt[FAST_TRAP_VECTOR] is exactly `want`, checked. */
#define assert_gate(want)                                                \
	do {                                                             \
		struct seg_desc g_ = idt[FAST_TRAP_VECTOR], w_ = (want); \
		cr_assert(g_.lo == w_.lo && g_.hi == w_.hi,              \
			  "idt[0x80] = %08x:%08x, not %08x:%08x", g_.hi, \
			  g_.lo, w_.hi, w_.lo);                          \
	} while (0)

/* The registers of a trap from ring 1 or 3 (the flat selectors), with
 * eip, esp, eflags IF, and every other field a distinct value. */
struct cpu_regs unit_regs(int ring, uint32_t eip, uint32_t esp);

#endif
