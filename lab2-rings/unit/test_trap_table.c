/*
 * set_trap_table (exercise 2). current is the vCPU of a domain whose page
 * tables map its trap tables (supervisor pages at TABLE_VA); guest GDT
 * entry 1 is a ring-1 code segment, entry 2 a ring-1 data segment.
 * Checked: a table is copied entry by entry into the vCPU's virtual IDT
 * and only the vectors it names change; table 0 clears them all; up to
 * 256 entries (and a handler just below the hole) are accepted. Every
 * refusal leaves the previous table, and the IDT gate of the fast system
 * call (0x80), as they were: -EFAULT for a table unmapped, in the hole, or
 * running into an unmapped page before its end; -EINVAL for a handler in
 * the hole or 257 entries; -EPERM for vector 0x82 or a cs that is not
 * ring-1 code, each after valid entries. An accepted table installs the
 * gate again (fast_trap_install): with no handler for 0x80, the VMM's own
 * gate to vector_stubs[0x80], and no other IDT entry is touched.
 * No table here has a handler for vector 0x80: its gate would be
 * fast_trap_gate's (exercise 7, test_fast_trap_gate.c), so that this test
 * needs exercise 2 alone. Vector 0x81 (DPL 3) stands in for it.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/bounce.h>
#include <vmm/memlayout.h>
#include "unit_lab2.h"

#define TABLE_VA 0xC0010000u /* two pages: frames 2500 and 2501 */
#define HANDLER	 0xC0100000u
#define CODE_SEL 0x09 /* guest GDT entry 1, RPL 1 */
#define DATA_SEL 0x11 /* guest GDT entry 2, RPL 1 */

static struct vcpu *const v = &unit_dom.vcpu;
static struct trap_info before[256]; /* the table before a refused call */
static struct seg_desc gate_before;

static void setup(void)
{
	unit_lab2_init();
	unit_map(TABLE_VA, 2500, PTE_P | PTE_W);
	unit_map(TABLE_VA + 0x1000, 2501, PTE_P | PTE_W);
	unit_gdt_set(1, unit_seg(0, 0xFFFFF, 0xBB));
	unit_gdt_set(2, unit_seg(0, 0xFFFFF, 0xB3));
	unit_gdt_entries(3);
}

TestSuite(set_trap_table, .init = setup);

/* Writes entry i of the table at va. */
static void put(uint32_t va, unsigned i, uint8_t vector, uint8_t flags,
		uint16_t cs, uint32_t address)
{
	struct trap_info t = { vector, flags, cs, address };

	memcpy(unit_guest_ptr(va + i * sizeof(t)), &t, sizeof(t));
}

static void assert_trap(unsigned vector, uint8_t flags, uint16_t cs,
			uint32_t address)
{
	const struct trap_info *t = &v->ext.traps[vector];

	cr_assert(t->vector == vector && t->flags == flags && t->cs == cs &&
			  t->address == address,
		  "traps[%#x] = { %#x, %#x, %#x, %#x }", vector, t->vector,
		  t->flags, t->cs, t->address);
}

/* Installs a first table (with a DPL 3 vector) and remembers it. */
static void previous_table(void)
{
	put(TABLE_VA + 0xC00, 0, 13, 0, FLAT_RING1_CS, HANDLER + 13);
	put(TABLE_VA + 0xC00, 1, 0x81, 3, CODE_SEL, HANDLER + 0x81);
	cr_assert_eq(do_set_trap_table(TABLE_VA + 0xC00), 0);
	memcpy(before, v->ext.traps, sizeof(before));
	gate_before = idt[FAST_TRAP_VECTOR];
	assert_gate(unit_default_gate());
}

/* A refused table: the result, and nothing changed. */
static void refused(uint32_t table, long rc)
{
	long got = do_set_trap_table(table);

	cr_assert_eq(got, rc, "table %#x: returned %ld, want %ld", table, got,
		     rc);
	cr_assert_arr_eq(v->ext.traps, before, sizeof(before),
			 "the previous table changed");
	assert_gate(gate_before);
}

Test(set_trap_table, accepted)
{
	put(TABLE_VA, 0, 0, 0, FLAT_RING1_CS, HANDLER);
	put(TABLE_VA, 1, 14, 0, CODE_SEL, HANDLER + 14);
	put(TABLE_VA, 2, 0x30, 3 | TI_IF, FLAT_RING1_CS, HANDLER + 0x30);
	put(TABLE_VA, 3, 0xFF, 2, CODE_SEL, HOLE_START - 1);
	cr_assert_eq(do_set_trap_table(TABLE_VA), 0);
	assert_trap(0, 0, FLAT_RING1_CS, HANDLER);
	assert_trap(14, 0, CODE_SEL, HANDLER + 14);
	assert_trap(0x30, 3 | TI_IF, FLAT_RING1_CS, HANDLER + 0x30);
	assert_trap(0xFF, 2, CODE_SEL, HOLE_START - 1);
	for (unsigned vec = 1; vec < 0xFF; vec++)
		if (vec != 14 && vec != 0x30)
			cr_assert_eq(v->ext.traps[vec].address, 0, "vector %#x",
				     vec);
}

Test(set_trap_table, updates_only_its_vectors)
{
	previous_table();
	put(TABLE_VA, 0, 13, 1, CODE_SEL, HANDLER + 0x1313);
	put(TABLE_VA, 1, 32, 0, FLAT_RING1_CS, HANDLER + 32);
	cr_assert_eq(do_set_trap_table(TABLE_VA), 0);
	assert_trap(13, 1, CODE_SEL, HANDLER + 0x1313);
	assert_trap(32, 0, FLAT_RING1_CS, HANDLER + 32);
	assert_trap(0x81, 3, CODE_SEL, HANDLER + 0x81);
	assert_gate(unit_default_gate());
	/* An empty table changes nothing. */
	memcpy(before, v->ext.traps, sizeof(before));
	put(TABLE_VA, 0, 14, 0, FLAT_RING1_CS, 0);
	cr_assert_eq(do_set_trap_table(TABLE_VA), 0);
	cr_assert_arr_eq(v->ext.traps, before, sizeof(before));
}

Test(set_trap_table, zero_clears)
{
	static const struct trap_info none[256];

	previous_table();
	cr_assert_eq(do_set_trap_table(0), 0);
	cr_assert_arr_eq(v->ext.traps, none, sizeof(none));
	assert_gate(unit_default_gate());
}

Test(set_trap_table, up_to_256_entries)
{
	for (unsigned i = 0; i < 256; i++)
		put(TABLE_VA, i, i == 0x80 || i == 0x82 ? 0x83 : i, 0,
		    FLAT_RING1_CS, HANDLER + i);
	put(TABLE_VA, 256, 0, 0, 0, 0);
	cr_assert_eq(do_set_trap_table(TABLE_VA), 0);
	assert_trap(0xFF, 0, FLAT_RING1_CS, HANDLER + 0xFF);
	assert_trap(0x83, 0, FLAT_RING1_CS, HANDLER + 0x83);
}

Test(set_trap_table, unreadable_efault)
{
	previous_table();
	refused(0xC0200000, -EFAULT); /* unmapped */
	refused(HOLE_START, -EFAULT);
	refused(0xFFFFFFF8, -EFAULT);
	/* Two good entries at the end of a page, the rest unmapped. */
	unit_map(TABLE_VA + 0x1000, 0, 0);
	put(TABLE_VA + 0xFF0, 0, 14, 0, FLAT_RING1_CS, HANDLER);
	put(TABLE_VA + 0xFF0, 1, 0x81, 3, FLAT_RING1_CS, HANDLER);
	refused(TABLE_VA + 0xFF0, -EFAULT);
}

Test(set_trap_table, handler_in_hole_einval)
{
	previous_table();
	put(TABLE_VA, 0, 14, 0, FLAT_RING1_CS, HANDLER);
	put(TABLE_VA, 1, 0x81, 3, FLAT_RING1_CS, HOLE_START);
	refused(TABLE_VA, -EINVAL);
	put(TABLE_VA, 1, 0x81, 3, FLAT_RING1_CS, 0xFFFFFFFF);
	refused(TABLE_VA, -EINVAL);
}

Test(set_trap_table, too_many_einval)
{
	previous_table();
	for (unsigned i = 0; i < 257; i++)
		put(TABLE_VA, i, i == 0x80 || i == 0x82 ? 0x83 : i & 0xFF, 0,
		    FLAT_RING1_CS, HANDLER + i);
	put(TABLE_VA, 257, 0, 0, 0, 0);
	refused(TABLE_VA, -EINVAL);
}

/* 257 entries, none the terminator, that end where the mapping ends: the
 * VMM reads entry 256, which is not the end, and stops there (-EINVAL).
 * One that reads on to a terminator and counts afterwards reads the
 * unmapped page after them (-EFAULT), or loops over a table without end. */
Test(set_trap_table, endless_stops_at_257)
{
	uint32_t base = TABLE_VA + 0x2000 - 257 * sizeof(struct trap_info);

	previous_table();
	for (unsigned i = 0; i < 257; i++)
		put(base, i, i == 0x80 || i == 0x82 ? 0x83 : i & 0xFF, 0,
		    FLAT_RING1_CS, HANDLER + i);
	refused(base, -EINVAL);
}

Test(set_trap_table, hypercall_vector_eperm)
{
	previous_table();
	put(TABLE_VA, 0, 14, 0, FLAT_RING1_CS, HANDLER);
	put(TABLE_VA, 1, HYPERCALL_VECTOR, 1, FLAT_RING1_CS, HANDLER);
	refused(TABLE_VA, -EPERM);
}

Test(set_trap_table, bad_code_selector_eperm)
{
	uint16_t bad[] = { 0,	     FLAT_RING3_CS, FLAT_RING1_DS,
			   VMM_CS,   VMM_CS | 1,    FLAT_RING1_CS & ~3,
			   DATA_SEL, CODE_SEL | 4 };

	previous_table();
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		put(TABLE_VA, 0, 14, 0, FLAT_RING1_CS, HANDLER);
		put(TABLE_VA, 1, 0x81, 3, bad[i], HANDLER);
		refused(TABLE_VA, -EPERM);
	}
}

/* Each accepted table installs the gate again: with no handler for 0x80,
 * the VMM's own, whatever idt[0x80] held; no other IDT entry is written. */
Test(set_trap_table, vmm_gate_without_handler)
{
	static const struct seg_desc zero[256];

	idt[FAST_TRAP_VECTOR] = (struct seg_desc){ 0x12345678, 0x9ABCDEF0 };
	put(TABLE_VA, 0, 14, 0, FLAT_RING1_CS, HANDLER);
	cr_assert_eq(do_set_trap_table(TABLE_VA), 0);
	assert_gate(unit_default_gate());
	idt[FAST_TRAP_VECTOR] = (struct seg_desc){ 0x12345678, 0x9ABCDEF0 };
	put(TABLE_VA, 0, 0x81, 3, CODE_SEL, 0xC0123456);
	cr_assert_eq(do_set_trap_table(TABLE_VA), 0);
	assert_gate(unit_default_gate());
	idt[FAST_TRAP_VECTOR] = (struct seg_desc){ 0x12345678, 0x9ABCDEF0 };
	cr_assert_eq(do_set_trap_table(0), 0);
	assert_gate(unit_default_gate());
	idt[FAST_TRAP_VECTOR] = zero[0];
	cr_assert_arr_eq(idt, zero, sizeof(zero), "another gate written");
}
