/*
 * Guest selectors: guest_desc, check_code_selector, check_stack_selector
 * (desc.c), against the VMM's GDT page as gdt_init fills it and a guest
 * GDT of 600 entries over two copy pages, installed as set_gdt does:
 * each descriptor through check_descriptor (exercise 1) into the copy.
 * A few descriptors check_descriptor would refuse (a system descriptor
 * looking like code or data, DPL 0 or 2, conforming code) are written
 * into the copy directly:
 * the selector checks must refuse them on their own.
 * Checked: the four flat selectors (any RPL) map to the VMM's GDT page;
 * the VMM's own (0xe008, 0xe010, 0xe040) and other reserved entries, the
 * null selector, LDT selectors and guest entries beyond those in use give
 * NULL; guest entries in use give their slot in the copy, on either page.
 * A kernel code selector needs RPL 1 and a present non-conforming code
 * descriptor of DPL 1; a stack selector RPL 1 and a present writable data
 * descriptor of DPL 1.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/desc.h>
#include <vmm/memlayout.h>
#include "unit_lab2.h"

#define SEL(index, rpl) ((uint16_t)((index) << 3 | (rpl)))
#define LDT		4 /* the TI bit */
#define ENTRIES		600

/* Guest GDT entries. */
#define G_CODE1	    1	/* ring-1 code, readable */
#define G_DATA1	    2	/* ring-1 data, writable */
#define G_CODE3	    3	/* ring-3 code */
#define G_DATA3	    4	/* ring-3 data */
#define G_RODATA1   5	/* ring-1 data, read-only */
#define G_XCODE1    6	/* ring-1 code, execute-only */
#define G_CONF1	    7	/* unchecked: ring-1 conforming code */
#define G_NPCODE1   8	/* not present ring-1 code */
#define G_NPDATA1   9	/* not present ring-1 data */
#define G_CODE2	    10	/* unchecked: DPL 2 code */
#define G_DATA2	    11	/* unchecked: DPL 2 data */
#define G_RAW_TSS   12	/* unchecked: busy TSS, DPL 1 (type 1011) */
#define G_RAW_SYS   13	/* unchecked: system type 0011, DPL 1 */
#define G_RAW_CODE0 14	/* unchecked: DPL 0 code */
#define G_RAW_DATA0 15	/* unchecked: DPL 0 data */
#define G_CODE1_P1  513 /* ring-1 code on the second page */
#define G_DATA1_P1  514 /* ring-1 data on the second page */
#define G_BEYOND    700 /* ring-1 code (+1: data), not in use */

/* Through check_descriptor, as set_gdt copies a guest's descriptor. */
static void install(unsigned index, uint8_t access)
{
	struct seg_desc d = unit_seg(0, 0xFFFFF, access);

	cr_assert_eq(check_descriptor(&d), 0, "entry %u refused", index);
	unit_gdt_set(index, d);
}

static void setup(void)
{
	unit_lab2_init();
	install(G_CODE1, 0xBA);
	install(G_DATA1, 0xB2);
	install(G_CODE3, 0xFA);
	install(G_DATA3, 0xF2);
	install(G_RODATA1, 0xB0);
	install(G_XCODE1, 0xB8);
	unit_gdt_set(G_CONF1, unit_seg(0, 0xFFFFF, 0xBE)); /* refused too */
	install(G_NPCODE1, 0x3A);
	install(G_NPDATA1, 0x32);
	unit_gdt_set(G_CODE2, unit_seg(0, 0xFFFFF,
				       0xDA)); /* check_descriptor refuses it */
	unit_gdt_set(G_DATA2, unit_seg(0, 0xFFFFF, 0xD2)); /* refused too */
	unit_gdt_set(G_RAW_TSS, unit_seg(0, 0x67, 0xAB));
	unit_gdt_set(G_RAW_SYS, unit_seg(0, 0x67, 0xA3));
	unit_gdt_set(G_RAW_CODE0, unit_seg(0, 0xFFFFF, 0x9B));
	unit_gdt_set(G_RAW_DATA0, unit_seg(0, 0xFFFFF, 0x93));
	install(G_CODE1_P1, 0xBA);
	install(G_DATA1_P1, 0xB2);
	install(ENTRIES, 0xBA);
	install(ENTRIES + 1, 0xB2);
	install(G_BEYOND, 0xBA);
	install(G_BEYOND + 1, 0xB2);
	unit_gdt_entries(ENTRIES);
}

TestSuite(guest_desc, .init = setup);
TestSuite(check_code_selector, .init = setup);
TestSuite(check_stack_selector, .init = setup);

static const struct seg_desc *slot(unsigned index)
{
	return (const struct seg_desc *)UNIT_PAGE(UNIT_GDT_MFN(index / 512)) +
	       index % 512;
}

Test(guest_desc, flat_selectors)
{
	uint16_t flat[] = { FLAT_RING1_CS, FLAT_RING1_DS, FLAT_RING3_CS,
			    FLAT_RING3_DS };

	for (unsigned i = 0; i < 4; i++)
		for (uint16_t rpl = 0; rpl < 4; rpl++) {
			uint16_t sel = (flat[i] & ~3) | rpl;

			cr_assert_eq(guest_desc(&unit_dom, sel),
				     &vmm_gdt_page[(sel >> 3) -
						   FIRST_RESERVED_GDT_ENTRY],
				     "selector %#x", sel);
		}
}

Test(guest_desc, vmm_selectors_refused)
{
	uint16_t vmm[] = { VMM_CS, VMM_DS, VMM_TSS, 0xe000,
			   0xe038, 0xe048, 0xfff8 };

	for (unsigned i = 0; i < sizeof(vmm) / sizeof(vmm[0]); i++)
		for (uint16_t rpl = 0; rpl < 4; rpl++)
			cr_assert_null(guest_desc(&unit_dom, vmm[i] | rpl),
				       "selector %#x", vmm[i] | rpl);
}

Test(guest_desc, null_and_ldt_refused)
{
	for (uint16_t rpl = 0; rpl < 4; rpl++) {
		cr_assert_null(guest_desc(&unit_dom, rpl));
		cr_assert_null(guest_desc(&unit_dom, LDT | rpl));
		cr_assert_null(guest_desc(&unit_dom, SEL(G_CODE1, rpl) | LDT));
		cr_assert_null(guest_desc(&unit_dom, FLAT_RING1_CS | LDT));
	}
}

Test(guest_desc, guest_entries)
{
	cr_assert_eq(guest_desc(&unit_dom, SEL(G_CODE1, 1)), slot(G_CODE1));
	cr_assert_eq(guest_desc(&unit_dom, SEL(G_DATA3, 3)), slot(G_DATA3));
	cr_assert_eq(guest_desc(&unit_dom, SEL(G_CODE1_P1, 1)),
		     slot(G_CODE1_P1));
	cr_assert_eq(guest_desc(&unit_dom, SEL(ENTRIES - 1, 0)),
		     slot(ENTRIES - 1));
	cr_assert_null(guest_desc(&unit_dom, SEL(ENTRIES, 1)));
	cr_assert_null(guest_desc(&unit_dom, SEL(G_BEYOND, 1)));
	cr_assert_null(
		guest_desc(&unit_dom, SEL(FIRST_RESERVED_GDT_ENTRY - 1, 1)));
	/* All of them in use: the last guest entry, on page 13. */
	unit_gdt_entries(FIRST_RESERVED_GDT_ENTRY);
	cr_assert_eq(guest_desc(&unit_dom,
				SEL(FIRST_RESERVED_GDT_ENTRY - 1, 1)),
		     slot(FIRST_RESERVED_GDT_ENTRY - 1));
	/* None in use. */
	unit_gdt_entries(0);
	cr_assert_null(guest_desc(&unit_dom, SEL(G_CODE1, 1)));
}

Test(check_code_selector, accepted)
{
	uint16_t ok[] = { FLAT_RING1_CS, SEL(G_CODE1, 1), SEL(G_XCODE1, 1),
			  SEL(G_CODE1_P1, 1) };

	for (unsigned i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		cr_assert_eq(check_code_selector(&unit_dom, ok[i]), 0,
			     "selector %#x refused", ok[i]);
}

Test(check_code_selector, refused)
{
	uint16_t bad[] = {
		0,
		1,
		3,
		0xe018,
		0xe01a,
		0xe01b, /* FLAT_RING1_CS, RPL != 1 */
		FLAT_RING3_CS,
		FLAT_RING3_CS & ~2, /* DPL 3 */
		FLAT_RING1_DS,
		FLAT_RING3_DS & ~2, /* data */
		VMM_CS,
		VMM_CS | 1,
		VMM_DS | 1,
		VMM_TSS | 1,
		0xe049,
		FLAT_RING1_CS | LDT,
		SEL(G_CODE1, 1) | LDT,
		SEL(G_CODE1, 0),
		SEL(G_CODE1, 3),
		SEL(G_CODE1_P1, 3),
		SEL(G_DATA1, 1),
		SEL(G_RODATA1, 1),
		SEL(G_CODE3, 1),
		SEL(G_CONF1, 1),
		SEL(G_NPCODE1, 1),
		SEL(G_CODE2, 1),
		SEL(G_RAW_TSS, 1),
		SEL(G_RAW_CODE0, 1),
		SEL(ENTRIES, 1),
		SEL(G_BEYOND, 1),
	};

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(check_code_selector(&unit_dom, bad[i]), -EPERM,
			     "selector %#x accepted", bad[i]);
}

Test(check_stack_selector, accepted)
{
	uint16_t ok[] = { FLAT_RING1_SS, SEL(G_DATA1, 1), SEL(G_DATA1_P1, 1) };

	for (unsigned i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		cr_assert_eq(check_stack_selector(&unit_dom, ok[i]), 0,
			     "selector %#x refused", ok[i]);
}

Test(check_stack_selector, refused)
{
	uint16_t bad[] = {
		0,
		1,
		0xe020,
		0xe022,
		0xe023, /* FLAT_RING1_SS, RPL != 1 */
		FLAT_RING3_SS,
		FLAT_RING3_SS & ~2, /* DPL 3 */
		FLAT_RING1_CS,
		FLAT_RING3_CS & ~2, /* code */
		VMM_DS,
		VMM_DS | 1,
		VMM_CS | 1,
		VMM_TSS | 1,
		FLAT_RING1_SS | LDT,
		SEL(G_DATA1, 1) | LDT,
		SEL(G_DATA1, 0),
		SEL(G_DATA1, 3),
		SEL(G_DATA1_P1, 3),
		SEL(G_CODE1, 1),
		SEL(G_XCODE1, 1),
		SEL(G_RODATA1, 1),
		SEL(G_DATA3, 1),
		SEL(G_NPDATA1, 1),
		SEL(G_DATA2, 1),
		SEL(G_RAW_SYS, 1),
		SEL(G_RAW_DATA0, 1),
		SEL(ENTRIES + 1, 1),
		SEL(G_BEYOND + 1, 1),
	};

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(check_stack_selector(&unit_dom, bad[i]), -EPERM,
			     "selector %#x accepted", bad[i]);
}
