/*
 * software_interrupt (exercise 5; it delivers through create_bounce_frame,
 * exercise 4). r is the #GP an int n raised: error (vector << 3) | 2.
 * The guest's table has a #GP handler, int 0x80 of DPL 3, and vectors
 * 0x20 + d of DPL d for d = 0..3; the kernel stack (0xC0001000, frame
 * 2601) is filled with 0xA5 before each delivery.
 * Checked: the interrupt is delivered iff its DPL is at least the
 * interrupted ring (1 or 3), to its handler, with eip advanced past the
 * two-byte int n in the frame and no error code pushed; otherwise the
 * #GP is delivered to its handler, with its error code and eip left on
 * the int n. Also a #GP: a vector without a handler, and an error code
 * without the IDT bit (1) even when the vector has a DPL 3 handler.
 * Without a #GP handler the refusal returns -ENOENT; a failed delivery
 * returns -EFAULT; both leave the registers (eip too) untouched.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/bounce.h>
#include <vmm/trap.h>
#include "unit_lab2.h"

#define HANDLER	 0xC0100000u /* + vector */
#define CODE_SEL 0x09
#define EIP	 0x08001230u /* where the int n is */
#define KSTACK	 0xC0002000u
#define OWN_SP	 0xC0001800u /* the interrupted esp */

static struct vcpu *const v = &unit_dom.vcpu;

static void handler(unsigned vector, uint8_t dpl)
{
	v->ext.traps[vector] =
		(struct trap_info){ vector, dpl, CODE_SEL, HANDLER + vector };
}

static void setup(void)
{
	unit_lab2_init();
	unit_map(0xC0001000, 2601, PTE_P | PTE_W);
	v->ext.kernel_ss = FLAT_RING1_SS;
	v->ext.kernel_sp = KSTACK;
	handler(T_GP, 0);
	handler(0x80, 3);
	for (uint8_t dpl = 0; dpl < 4; dpl++)
		handler(0x20 + dpl, dpl);
}

TestSuite(software_interrupt, .init = setup);

/* The #GP of int n from `ring`. */
static struct cpu_regs int_n(int ring, unsigned vector)
{
	struct cpu_regs r = unit_regs(ring, EIP, OWN_SP);

	r.vector = T_GP;
	r.error = vector << 3 | 2;
	return r;
}

static uint32_t word(uint32_t va)
{
	return *(uint32_t *)unit_guest_ptr(va);
}

/* What software_interrupt must do with r: deliver `vector` (error code
 * or not), eip in the frame. */
static void delivers(struct cpu_regs r, unsigned vector, int has_error,
		     uint32_t eip)
{
	struct cpu_regs in = r;
	unsigned words = (has_error ? 4 : 3) + (regs_ring(&in) == 3 ? 2 : 0);
	uint32_t sp = (regs_ring(&in) == 3 ? KSTACK : OWN_SP) - 4 * words;

	memset(UNIT_PAGE(2601), 0xA5, 4096);
	cr_assert_eq(software_interrupt(v, &r), 0, "ring %d, error %#x",
		     regs_ring(&in), in.error);
	cr_assert(r.eip == HANDLER + vector && r.cs == CODE_SEL,
		  "ring %d, error %#x: went to %#x:%#x, not vector %#x",
		  regs_ring(&in), in.error, r.cs, r.eip, vector);
	cr_assert_eq(r.esp, sp, "ring %d, error %#x: esp %#x, not %#x",
		     regs_ring(&in), in.error, r.esp, sp);
	if (has_error)
		cr_assert_eq(word(sp), in.error, "error code");
	cr_assert_eq(word(sp + 4 * !!has_error), eip, "eip in the frame %#x",
		     word(sp + 4 * !!has_error));
	cr_assert_eq(word(sp + 4 * !!has_error + 4), in.cs, "cs");
	cr_assert_eq(word(sp - 4), 0xA5A5A5A5, "written below the frame");
}

Test(software_interrupt, dpl_rule)
{
	for (int ring = 1; ring <= 3; ring += 2)
		for (unsigned dpl = 0; dpl < 4; dpl++) {
			setup();
			if (dpl >= (unsigned)ring)
				delivers(int_n(ring, 0x20 + dpl), 0x20 + dpl, 0,
					 EIP + 2);
			else
				delivers(int_n(ring, 0x20 + dpl), T_GP, 1, EIP);
		}
}

Test(software_interrupt, int80_from_ring3)
{
	struct cpu_regs r = int_n(3, 0x80);

	delivers(r, 0x80, 0, EIP + 2);
	cr_assert_eq(word(KSTACK - 8), OWN_SP, "user esp");
	cr_assert_eq(word(KSTACK - 4), FLAT_RING3_SS, "user ss");
}

Test(software_interrupt, int80_from_ring1)
{
	delivers(int_n(1, 0x80), 0x80, 0, EIP + 2);
}

Test(software_interrupt, no_handler_gp)
{
	delivers(int_n(1, 0x30), T_GP, 1, EIP);
	delivers(int_n(3, 0x31), T_GP, 1, EIP);
	delivers(int_n(3, 0xFF), T_GP, 1, EIP);
	handler(0xFF, 3);
	delivers(int_n(3, 0xFF), 0xFF, 0, EIP + 2);
	/* Address 0 is no handler, whatever the entry's DPL. */
	v->ext.traps[0xFF].address = 0;
	delivers(int_n(3, 0xFF), T_GP, 1, EIP);
	delivers(int_n(1, 0xFF), T_GP, 1, EIP);
}

/* A #GP whose error code does not come from an IDT gate. */
Test(software_interrupt, not_idt_gp)
{
	struct cpu_regs r = int_n(3, 0x80);

	r.error &= ~2u; /* 0x80 << 3: a GDT selector */
	delivers(r, T_GP, 1, EIP);
	r = int_n(1, 0x23);
	r.error = 0;
	delivers(r, T_GP, 1, EIP);
}

/* Without a #GP handler: -ENOENT, nothing changed. */
Test(software_interrupt, no_gp_handler)
{
	struct cpu_regs r = int_n(3, 0x21), in = r;
	int rc;

	v->ext.traps[T_GP].address = 0;
	rc = software_interrupt(v, &r);
	cr_assert_eq(rc, -ENOENT, "no #GP handler: returned %d, want -ENOENT",
		     rc);
	cr_assert_arr_eq(&r, &in, sizeof(r), "registers changed");
	r.error = 0;
	in = r;
	rc = software_interrupt(v, &r);
	cr_assert_eq(rc, -ENOENT, "no #GP handler: returned %d, want -ENOENT",
		     rc);
	cr_assert_arr_eq(&r, &in, sizeof(r), "registers changed");
}

/* A delivery that cannot write its frame: -EFAULT, eip not advanced. */
Test(software_interrupt, failed_delivery)
{
	struct cpu_regs r = int_n(1, 0x80), in;
	int rc;

	r.esp = 0xC0008000; /* unmapped */
	in = r;
	rc = software_interrupt(v, &r);
	cr_assert_eq(
		rc, -EFAULT,
		"a frame that cannot be written: returned %d, want -EFAULT",
		rc);
	cr_assert_arr_eq(&r, &in, sizeof(r), "registers changed");
	v->ext.kernel_ss = 0; /* ring 3 without stack_switch */
	r = in = int_n(3, 0x80);
	rc = software_interrupt(v, &r);
	cr_assert_eq(
		rc, -EFAULT,
		"a frame that cannot be written: returned %d, want -EFAULT",
		rc);
	cr_assert_arr_eq(&r, &in, sizeof(r), "registers changed");
}
