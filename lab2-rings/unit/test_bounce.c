/*
 * create_bounce_frame (exercise 4) on guest stacks in the simulated
 * machine. Mapped, supervisor and writable: 0xC0000000..0xC0002FFF
 * (frames 2600..2602, filled with 0xA5) and page 0 (frame 2800); the user
 * stack page 0x08000000 (frame 2700, user); 0xC0003000 is read-only
 * (frame 2603); 0xC0005000 is not mapped.
 * Checked: from ring 1 the frame goes on the current stack, from the
 * lowest address [error] eip cs eflags, with and without an error code,
 * also across a page boundary; from ring 3 on the stack_switch stack
 * (kernel_ss:kernel_sp), with esp and ss on top, the user stack left
 * alone. The frame holds the registers as they were (eflags too); then
 * cs:eip is the handler's, ss:esp the new stack top, TF, NT, RF and VM
 * are cleared and every other flag and register kept. Failures return
 * -EFAULT with the registers untouched and no byte written: from ring 3
 * without a kernel stack (kernel_ss 0) or with an unmapped or read-only
 * one; from ring 1 with a stack in the hole, unmapped, read-only or
 * wrapping below address 0 (a frame that just fits at 0 is fine); and a
 * frame that would run from below the hole into it (only -EFAULT and the
 * registers are checked there).
 */
#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/bounce.h>
#include <vmm/memlayout.h>
#include "unit_lab2.h"

#define HANDLER	 0xC0100000u
#define CODE_SEL 0x09 /* the handler's cs: what ti says, unchecked here */
#define EIP	 0xC0001234u
#define CLEARED	 (EFLAGS_TF | EFLAGS_NT | EFLAGS_RF | EFLAGS_VM)
#define KEPT	 (EFLAGS_IF | 0x00040ED7) /* AC, OF, DF, SF ZF AF PF CF, bit 1 */
#define ERROR	 0x1234ABCDu

static struct vcpu *const v = &unit_dom.vcpu;
static const struct trap_info ti = { 14, 0, CODE_SEL, HANDLER };

static void setup(void)
{
	unit_lab2_init();
	for (unsigned i = 0; i < 3; i++) {
		unit_map(0xC0000000 + i * 0x1000, 2600 + i, PTE_P | PTE_W);
		memset(UNIT_PAGE(2600 + i), 0xA5, 4096);
	}
	unit_map(0xC0003000, 2603, PTE_P);
	unit_map(0x00000000, 2800, PTE_P | PTE_W);
	unit_map(0x08000000, 2700, PTE_P | PTE_W | PTE_U);
}

TestSuite(bounce, .init = setup);

static struct cpu_regs regs(int ring, uint32_t esp)
{
	struct cpu_regs r = unit_regs(ring, EIP, esp);

	r.eflags = CLEARED | KEPT;
	return r;
}

/* The guest words at va. */
static uint32_t *at(uint32_t va)
{
	return unit_guest_ptr(va);
}

/* Bounces r and checks the registers; returns the new esp. */
static uint32_t bounced(struct cpu_regs *r, int has_error, uint16_t ss,
			uint32_t esp)
{
	struct cpu_regs want = *r;

	want.cs = CODE_SEL;
	want.eip = HANDLER;
	want.eflags = KEPT;
	want.ss = ss;
	want.esp = esp;
	cr_assert_eq(create_bounce_frame(v, r, &ti, has_error, ERROR), 0);
	cr_assert(r->cs == want.cs && r->eip == want.eip,
		  "cs:eip %#x:%#x, not %#x:%#x", r->cs, r->eip, want.cs,
		  want.eip);
	cr_assert(r->ss == want.ss && r->esp == want.esp,
		  "ss:esp %#x:%#x, not %#x:%#x", r->ss, r->esp, want.ss,
		  want.esp);
	cr_assert_eq(r->eflags, want.eflags, "eflags %#x, want %#x", r->eflags,
		     want.eflags);
	cr_assert_arr_eq(r, &want, sizeof(want), "another register changed");
	return r->esp;
}

static void assert_frame(uint32_t sp, const uint32_t *want, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		cr_assert_eq(*at(sp + 4 * i), want[i],
			     "word %u of the frame: %#x, not %#x", i,
			     *at(sp + 4 * i), want[i]);
	cr_assert_eq(*at(sp - 4), 0xA5A5A5A5, "written below the frame");
	cr_assert_eq(*at(sp + 4 * n), 0xA5A5A5A5, "written above the frame");
}

Test(bounce, ring1_no_error)
{
	struct cpu_regs r = regs(1, 0xC0001800);
	uint32_t want[] = { EIP, FLAT_RING1_CS, CLEARED | KEPT };

	bounced(&r, 0, FLAT_RING1_SS, 0xC0001800 - 12);
	assert_frame(0xC0001800 - 12, want, 3);
}

Test(bounce, ring1_error)
{
	struct cpu_regs r = regs(1, 0xC0001800);
	uint32_t want[] = { ERROR, EIP, FLAT_RING1_CS, CLEARED | KEPT };

	bounced(&r, 1, FLAT_RING1_SS, 0xC0001800 - 16);
	assert_frame(0xC0001800 - 16, want, 4);
}

/* The frame runs over two distant frames (2600, 2601). */
Test(bounce, ring1_across_pages)
{
	struct cpu_regs r = regs(1, 0xC0001008);
	uint32_t want[] = { ERROR, EIP, FLAT_RING1_CS, CLEARED | KEPT };

	bounced(&r, 1, FLAT_RING1_SS, 0xC0000FF8);
	assert_frame(0xC0000FF8, want, 4);
}

Test(bounce, ring3_no_error)
{
	struct cpu_regs r = regs(3, 0x08000800);
	uint32_t want[] = { EIP, FLAT_RING3_CS, CLEARED | KEPT, 0x08000800,
			    FLAT_RING3_SS };

	memset(UNIT_PAGE(2700), 0x5A, 4096);
	v->ext.kernel_ss = FLAT_RING1_SS;
	v->ext.kernel_sp = 0xC0002000;
	bounced(&r, 0, FLAT_RING1_SS, 0xC0002000 - 20);
	assert_frame(0xC0002000 - 20, want, 5);
	for (unsigned i = 0; i < 4096; i++)
		cr_assert_eq(UNIT_PAGE(2700)[i], 0x5A, "user stack written");
}

Test(bounce, ring3_error)
{
	struct cpu_regs r = regs(3, 0x08000800);
	uint32_t want[] = { ERROR,	    EIP,	FLAT_RING3_CS,
			    CLEARED | KEPT, 0x08000800, FLAT_RING3_SS };

	v->ext.kernel_ss = 0x11; /* any selector stack_switch accepted */
	v->ext.kernel_sp = 0xC0001C00;
	bounced(&r, 1, 0x11, 0xC0001C00 - 24);
	assert_frame(0xC0001C00 - 24, want, 6);
}

/* -EFAULT, r unchanged, and no byte of the machine written. */
static void fails(struct cpu_regs r, int has_error)
{
	struct cpu_regs before = r;
	static unsigned char *copy;

	if (!copy)
		copy = malloc(UNIT_MACHINE_BYTES);
	cr_assert_not_null(copy);
	memcpy(copy, unit_machine, UNIT_MACHINE_BYTES);
	cr_assert_eq(create_bounce_frame(v, &r, &ti, has_error, ERROR), -EFAULT,
		     "esp %#x accepted", before.esp);
	cr_assert_arr_eq(&r, &before, sizeof(r), "registers changed");
	cr_assert(memcmp(copy, unit_machine, UNIT_MACHINE_BYTES) == 0,
		  "memory written");
}

Test(bounce, ring3_without_kernel_stack)
{
	v->ext.kernel_sp = 0xC0002000; /* but kernel_ss 0: no stack_switch */
	fails(regs(3, 0x08000800), 0);
	fails(regs(3, 0x08000800), 1);
	v->ext.kernel_ss = FLAT_RING1_SS;
	v->ext.kernel_sp = 0xC0006000; /* unmapped */
	fails(regs(3, 0x08000800), 0);
	v->ext.kernel_sp = 0xC0004000; /* read-only */
	fails(regs(3, 0x08000800), 1);
}

Test(bounce, ring1_bad_stack)
{
	unit_map(HOLE_START, 2900, PTE_P | PTE_W); /* refused all the same */
	fails(regs(1, HOLE_START + 0x800), 0);
	fails(regs(1, 0xFFFFFF00), 1);
	fails(regs(1, 0xC0006000), 0); /* unmapped */
	fails(regs(1, 0xC0004000), 1); /* read-only */
	fails(regs(1, 0xC0003010), 0);
}

/* Page 0 is mapped and writable: only the wrap is wrong. */
Test(bounce, ring1_wraps_below_zero)
{
	struct cpu_regs r = regs(1, 12);
	uint32_t want[] = { EIP, FLAT_RING1_CS, CLEARED | KEPT };

	memset(UNIT_PAGE(2800), 0xA5, 4096);
	fails(regs(1, 8), 0);
	fails(regs(1, 12), 1);
	fails(regs(1, 4), 1);
	fails(regs(1, 0), 0);
	bounced(&r, 0, FLAT_RING1_SS, 0); /* just fits */
	for (unsigned i = 0; i < 3; i++)
		cr_assert_eq(*at(4 * i), want[i]);
}

/* A frame from below the hole into it. */
Test(bounce, ring1_runs_into_hole)
{
	struct cpu_regs r = regs(1, HOLE_START + 4), before = r;

	unit_map(HOLE_START - 0x1000, 2950, PTE_P | PTE_W);
	cr_assert_eq(create_bounce_frame(v, &r, &ti, 1, ERROR), -EFAULT);
	cr_assert_arr_eq(&r, &before, sizeof(r), "registers changed");
}
