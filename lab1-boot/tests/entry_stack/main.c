/*
 * entry_stack: the trampoline a guest sees. It may read the IDT, the GDT
 * page and the TSS (read-only, documented), and the entry stack is even
 * writable: the CPU must be able to push there. This guest finds the entry
 * stack through the TSS, fills it with garbage, and makes hypercalls: the
 * VMM keeps nothing there between entries, so it must not care.
 */
#include <guest/test.h>
#include <vmm/segments.h>
#include <arch/x86.h>

const char test_title[] =
	"the trampoline: readable, and the entry stack holds nothing";

void test_main(void)
{
	struct desc_ptr gdt, idt;
	const struct seg_desc *d;
	const struct tss *tss;
	uint32_t *stack;
	uint16_t tr;

	__asm__ volatile("sgdt %0; sidt %1; str %2"
			 : "=m"(gdt), "=m"(idt), "=r"(tr));
	check_eq(tr, VMM_TSS);
	/* The hypercall gate: selector 0xe008, DPL 1, present. */
	check_eq(((const uint32_t *)idt.base)[2 * 0x82] >> 16, VMM_CS);
	check_eq(((const uint32_t *)idt.base)[2 * 0x82 + 1] & 0xE000, 0xA000);
	d = (const struct seg_desc *)gdt.base + (tr >> 3);
	tss = (const struct tss *)((d->lo >> 16) | ((d->hi & 0xFF) << 16) |
				   (d->hi & 0xFF000000));
	check_eq(tss->ss0, VMM_DS);
	stack = (uint32_t *)(tss->esp0 - 4096);
	for (int i = 0; i < 1024; i++)
		stack[i] = 0xdeadbeef;
	printf("entry stack at %x filled with garbage\n", (uint32_t)stack);
	for (int i = 0; i < 3; i++)
		check_eq(HYPERVISOR_console_io(CONSOLEIO_write, 6, "still\n"),
			 0);
	xtf_success("the VMM did not use what we wrote");
}
