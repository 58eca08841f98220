/*
 * stack_switch (exercise 3), for current, the vCPU of a domain whose
 * guest GDT holds a ring-1 data segment (entry 1), a ring-1 code segment
 * (entry 2) and a read-only ring-1 data segment (entry 3).
 * Checked: FLAT_RING1_SS and the guest's own ring-1 data selector are
 * accepted, whatever esp is, and land in the vCPU (kernel_ss, kernel_sp)
 * and in the TSS (ss1, esp1) at once; a second call replaces the first.
 * Refused with -EPERM, leaving the vCPU and the TSS as they were: the
 * null selector, code selectors, RPL 0, 2 or 3, ring-3 data, the VMM's
 * data selector, a read-only segment, an LDT selector, an entry beyond
 * those in use, and a value above 16 bits whose low half is a good one.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/bounce.h>
#include "unit_lab2.h"

#define DATA_SEL   0x09 /* guest GDT entry 1, RPL 1 */
#define CODE_SEL   0x11 /* entry 2 */
#define RODATA_SEL 0x19 /* entry 3 */

static struct vcpu *const v = &unit_dom.vcpu;

static void setup(void)
{
	unit_lab2_init();
	unit_gdt_set(1, unit_seg(0, 0xFFFFF, 0xB3));
	unit_gdt_set(2, unit_seg(0, 0xFFFFF, 0xBB));
	unit_gdt_set(3, unit_seg(0, 0xFFFFF, 0xB1));
	unit_gdt_set(4, unit_seg(0, 0xFFFFF, 0xB3)); /* not in use */
	unit_gdt_entries(4);
}

TestSuite(stack_switch, .init = setup);

static void assert_stack(uint16_t ss, uint32_t esp)
{
	cr_assert(v->ext.kernel_ss == ss && v->ext.kernel_sp == esp,
		  "vCPU stack %#x:%#x, not %#x:%#x", v->ext.kernel_ss,
		  v->ext.kernel_sp, ss, esp);
	cr_assert(tss.ss1 == ss && tss.esp1 == esp,
		  "TSS stack %#x:%#x, not %#x:%#x", tss.ss1, tss.esp1, ss, esp);
}

Test(stack_switch, flat_accepted)
{
	cr_assert_eq(do_stack_switch(FLAT_RING1_SS, 0xC0400000), 0);
	assert_stack(FLAT_RING1_SS, 0xC0400000);
}

Test(stack_switch, guest_selector_accepted)
{
	cr_assert_eq(do_stack_switch(DATA_SEL, 0xC0123458), 0);
	assert_stack(DATA_SEL, 0xC0123458);
}

/* esp is the guest's to choose; a later call replaces the stack. */
Test(stack_switch, any_esp_and_replaced)
{
	cr_assert_eq(do_stack_switch(FLAT_RING1_SS, 0x08001000), 0);
	assert_stack(FLAT_RING1_SS, 0x08001000);
	cr_assert_eq(do_stack_switch(DATA_SEL, 0x00000004), 0);
	assert_stack(DATA_SEL, 0x00000004);
	cr_assert_eq(do_stack_switch(FLAT_RING1_SS, 0xEFFFFFFC), 0);
	assert_stack(FLAT_RING1_SS, 0xEFFFFFFC);
}

Test(stack_switch, refused_unchanged)
{
	unsigned long bad[] = {
		0,
		1,
		FLAT_RING1_CS,
		CODE_SEL,
		FLAT_RING1_SS & ~3,
		FLAT_RING1_SS | 2,
		FLAT_RING1_SS | 3,
		FLAT_RING3_SS,
		FLAT_RING3_SS & ~2,
		VMM_DS,
		VMM_DS | 1,
		VMM_CS | 1,
		RODATA_SEL,
		DATA_SEL | 4,
		0x21, /* entry 4, not in use */
		0x10000 | FLAT_RING1_SS,
		0xFFFF0000 | DATA_SEL,
	};

	cr_assert_eq(do_stack_switch(DATA_SEL, 0xC0001000), 0);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cr_assert_eq(do_stack_switch(bad[i], 0xC0002000), -EPERM,
			     "selector %#lx accepted", bad[i]);
		assert_stack(DATA_SEL, 0xC0001000);
	}
}

/* A refusal before any stack was given leaves none. */
Test(stack_switch, refused_first)
{
	cr_assert_eq(do_stack_switch(FLAT_RING1_CS, 0xC0002000), -EPERM);
	cr_assert_eq(do_stack_switch(VMM_DS, 0xC0002000), -EPERM);
	assert_stack(0, 0);
}
