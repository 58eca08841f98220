/*
 * Host stand-ins for what lab 2's VMM code under test calls outside the
 * unit-tested files (lab 1's are in unit/host.c): the VMM's GDT page and
 * IDT, the TSS, the current vCPU, and the crash paths (which abort, so a
 * test can expect them with .signal = SIGABRT).
 */
#include <stdio.h>
#include <stdlib.h>
#include <vmm/domain.h>
#include <vmm/segments.h>
#include <vmm/trap.h>

struct seg_desc vmm_gdt_page[512];
struct seg_desc idt[256];
struct tss tss;
uint32_t vector_stubs[256];
struct vcpu *current;

void idt_set_gate(int vec, int dpl)
{
	(void)vec, (void)dpl;
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
