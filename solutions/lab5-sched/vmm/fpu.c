/*
 * The lazy FPU switch (vmm/fpu.h) and fpu_taskswitch (hypercall 5),
 * Xen's paravirtual clts/stts: a guest kernel cannot write CR0 from ring
 * 1, so it asks the VMM to set or clear TS for it.
 */
#include <arch/x86.h>
#include <lib/exercise.h>
#include <public/xen.h>
#include <vmm/fpu.h>
#include <vmm/registry.h>
#include <vmm/trap.h>

#define CR0_MP	      (1u << 1)
#define CR0_EM	      (1u << 2)
#define CR0_TS	      (1u << 3)
#define CR0_NE	      (1u << 5)
#define CR4_OSFXSR    (1u << 9)
#define CR4_OSXMMEXC  (1u << 10)
#define MXCSR_DEFAULT 0x1F80u

struct vcpu *fpu_owner;

static inline void clts(void)
{
	__asm__ volatile("clts");
}

static inline void stts(void)
{
	__asm__ volatile("mov %%cr0, %%eax; or %0, %%eax; mov %%eax, %%cr0"
			 :
			 : "i"(CR0_TS)
			 : "eax");
}

static inline void fxsave(void *area)
{
	__asm__ volatile("fxsave (%0)" : : "r"(area) : "memory");
}

static inline void fxrstor(const void *area)
{
	__asm__ volatile("fxrstor (%0)" : : "r"(area) : "memory");
}

/* The state of an FPU nobody has used: control word 0x037F, MXCSR
 * 0x1F80, every x87, MMX and SSE register zero and empty (fpu_boot
 * fills in the two control words). Loaded whole at a vCPU's first use:
 * fninit alone would leave the previous owner's register contents for
 * the next domain to read (Xen's XSA-165). */
static uint8_t fresh_area[512] __attribute__((aligned(16)));

static inline void fresh_fpu(void)
{
	fxrstor(fresh_area);
}

int fpu_trap(struct vcpu *v)
{
	/* BEGIN LAB 5 EXERCISE 9 (fpu_trap) */
	clts(); /* always: v may own the FPU, with its guest's TS set */
	if (fpu_owner != v) {
		if (fpu_owner)
			fxsave(fpu_owner->ext.fpu.area);
		if (v->ext.fpu.used)
			fxrstor(v->ext.fpu.area);
		else
			fresh_fpu();
		v->ext.fpu.used = 1;
		fpu_owner = v;
	}
	if (v->ext.fpu.guest_ts) {
		v->ext.fpu.guest_ts = 0; /* the delivery clears it */
		return 0;
	}
	return 1;
	/* END LAB 5 EXERCISE 9 */
}

void fpu_switch_to(struct vcpu *next)
{
	if (next == fpu_owner && !next->ext.fpu.guest_ts)
		clts();
	else
		stts();
}

void fpu_release(struct vcpu *v)
{
	if (fpu_owner == v)
		fpu_owner = NULL;
}

/* fpu_taskswitch(set): set = 1 is the guest's stts (its next FPU use
 * raises #NM in the guest kernel), 0 its clts. */
static long do_fpu_taskswitch(unsigned long set)
{
	struct vcpu *v = current;

	v->ext.fpu.guest_ts = set != 0;
	fpu_switch_to(v);
	return 0;
}
HYPERCALL(__HYPERVISOR_fpu_taskswitch, do_fpu_taskswitch);

/* At boot: x87 errors reported as #MF (NE), wait/fwait honouring TS
 * (MP), the FPU present (EM clear), FXSAVE and SSE enabled (OSFXSR,
 * OSXMMEXCPT), and TS set, so that the first FPU use of any vCPU traps. */
static void fpu_boot(void)
{
	uint32_t cr0 = read_cr0(), cr4 = read_cr4();

	cr0 = (cr0 | CR0_NE | CR0_MP | CR0_TS) & ~CR0_EM;
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
	cr4 |= CR4_OSFXSR | CR4_OSXMMEXC;
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
	*(uint16_t *)&fresh_area[0] = 0x037F;	      /* FCW */
	*(uint32_t *)&fresh_area[24] = MXCSR_DEFAULT; /* MXCSR */
}
INITCALL(31, fpu_boot);
