/*
 * The IDT: every one of the 256 vectors has a stub in the trampoline
 * (tramp.S), so nothing the CPU raises goes unhandled. All gates are
 * interrupt gates (interrupts stay off in the VMM) of DPL 0, except the
 * hypercall gate, DPL 1 so that the guest kernel (but not guest user
 * code) may use int $0x82. Any other int $n from a guest raises #GP.
 */
#include <public/xen.h>
#include <vmm/segments.h>
#include <vmm/trap.h>
#include <arch/x86.h>

extern struct seg_desc idt[256]; /* tramp.S */

#define GATE_INT32 0x8E /* present, 32-bit interrupt gate, DPL 0 */

void idt_set_gate(int vec, int dpl)
{
	uint32_t off = vector_stubs[vec];

	idt[vec].lo = (off & 0xFFFF) | ((uint32_t)VMM_CS << 16);
	idt[vec].hi = (off & 0xFFFF0000) | ((GATE_INT32 | (dpl << 5)) << 8);
}

void idt_init(void)
{
	struct desc_ptr idtr = { sizeof(idt) - 1, (uint32_t)(uintptr_t)idt };

	for (int v = 0; v < 256; v++)
		idt_set_gate(v, 0);
	idt_set_gate(HYPERCALL_VECTOR, 1);
	lidt(&idtr);
}
