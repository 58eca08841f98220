/*
 * fast_trap_gate (exercise 7): the IDT gate of the fast system call,
 * vector 0x80, for a vCPU. Guest GDT entry 1 is a ring-1 code segment.
 * Checked: a DPL 3 trap gate (type 0xF) to the handler's cs:address only
 * for an entry of DPL 3 without TI_IF and with a handler; for any other
 * entry the VMM's interrupt gate (DPL 0) to vector_stubs[0x80]; and,
 * through fast_trap_install (provided), that the gate follows the vCPU's
 * entry for 0x80 and no other IDT entry is written. The vCPU's entries
 * are written here by hand, not by set_trap_table (exercise 2,
 * test_trap_table.c), so that this test needs exercise 7 alone.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/xen.h>
#include <vmm/bounce.h>
#include "unit_lab2.h"

#define CODE_SEL 0x09 /* guest GDT entry 1, RPL 1 */

static struct vcpu *const v = &unit_dom.vcpu;

static void setup(void)
{
	unit_lab2_init();
	unit_gdt_set(1, unit_seg(0, 0xFFFFF, 0xBB));
	unit_gdt_entries(2);
}

TestSuite(fast_trap_gate, .init = setup);

/* The guest's gate: a trap gate of DPL 3 to cs:address. */
static struct seg_desc fast_gate(uint16_t cs, uint32_t address)
{
	return (struct seg_desc){ (address & 0xFFFF) | ((uint32_t)cs << 16),
				  (address & 0xFFFF0000) | 0xEF00 };
}

/* Sets the vCPU's entry for 0x80, as set_trap_table would, and installs
 * the gate. */
static void entry_0x80(uint8_t flags, uint16_t cs, uint32_t address)
{
	v->ext.traps[FAST_TRAP_VECTOR] =
		(struct trap_info){ FAST_TRAP_VECTOR, flags, cs, address };
	fast_trap_install(v);
}

/* The gate follows the entry; no other IDT entry is written. */
Test(fast_trap_gate, fast_gate_follows)
{
	static const struct seg_desc zero[256];

	entry_0x80(3, CODE_SEL, 0xC0123456);
	assert_gate(fast_gate(CODE_SEL, 0xC0123456));
	entry_0x80(3 | TI_IF, CODE_SEL, 0xC0123456);
	assert_gate(unit_default_gate());
	entry_0x80(3, FLAT_RING1_CS, 0xC0654321);
	assert_gate(fast_gate(FLAT_RING1_CS, 0xC0654321));
	entry_0x80(1, FLAT_RING1_CS, 0xC0654321);
	assert_gate(unit_default_gate());
	entry_0x80(3, CODE_SEL, 0xC0ABCDEF);
	assert_gate(fast_gate(CODE_SEL, 0xC0ABCDEF));
	entry_0x80(0, 0, 0); /* no handler: the VMM's own gate again */
	assert_gate(unit_default_gate());
	idt[FAST_TRAP_VECTOR] = zero[0];
	cr_assert_arr_eq(idt, zero, sizeof(zero), "another gate written");
}

/* fast_trap_gate alone, on entries written into the vCPU. */
Test(fast_trap_gate, by_dpl_and_if)
{
	struct trap_info *t = &v->ext.traps[FAST_TRAP_VECTOR];
	struct seg_desc g, want;

	for (uint8_t flags = 0; flags < 8; flags++) {
		*t = (struct trap_info){ 0x80, flags, CODE_SEL, 0xC0ABCDEF };
		g = fast_trap_gate(v);
		want = flags == 3 ? fast_gate(CODE_SEL, 0xC0ABCDEF) :
				    unit_default_gate();
		cr_assert(g.lo == want.lo && g.hi == want.hi,
			  "flags %#x: %08x:%08x, not %08x:%08x", flags, g.hi,
			  g.lo, want.hi, want.lo);
	}
	*t = (struct trap_info){ 0x80, 3, CODE_SEL, 0 }; /* no handler */
	g = fast_trap_gate(v);
	cr_assert(g.lo == unit_default_gate().lo &&
		  g.hi == unit_default_gate().hi);
}

/* The idle vCPU (no domain) gets the VMM's gate whatever its table says;
 * and fast_trap_gate only builds a gate: the IDT stays as it was. */
Test(fast_trap_gate, idle_and_no_idt_write)
{
	static struct seg_desc idt_before[256];
	struct vcpu idle = *v;
	struct seg_desc g;

	idle.domain = NULL;
	idle.ext.traps[FAST_TRAP_VECTOR] =
		(struct trap_info){ 0x80, 3, CODE_SEL, 0xC0ABCDEF };
	memcpy(idt_before, idt, sizeof(idt_before));
	g = fast_trap_gate(&idle);
	cr_assert(g.lo == unit_default_gate().lo &&
			  g.hi == unit_default_gate().hi,
		  "the idle vCPU: %08x:%08x, not the VMM's gate", g.hi, g.lo);
	v->ext.traps[FAST_TRAP_VECTOR] = idle.ext.traps[FAST_TRAP_VECTOR];
	g = fast_trap_gate(v);
	cr_assert(g.lo == fast_gate(CODE_SEL, 0xC0ABCDEF).lo,
		  "a domain's vCPU: not its own gate");
	cr_assert_arr_eq(idt, idt_before, sizeof(idt_before),
			 "fast_trap_gate wrote the IDT (fast_trap_install "
			 "does)");
}
