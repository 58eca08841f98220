/*
 * attack: a hostile guest. Its command line picks one attack on the VMM's
 * isolation; the grading test runs it next to a victim domain.
 *
 *   do=write addr=A   write to address A (in the VMM hole)
 *   do=read addr=A    read address A
 *   do=ptwrite        write to our own L2 page table (mapped read-only)
 *   do=idt            write to the IDT (a read-only trampoline page)
 *   do=gdt            write to the VMM's GDT page
 *   do=insn insn=I    execute privileged instruction I: hlt cli cr3 out
 *                     lgdt wrmsr
 *
 * Vulnerable: the attack succeeds and this guest goes on to report
 * "Test result: FAILURE" (the grader forbids any result line from it).
 * Fixed: the VMM destroys this domain at the attack, prints why with the
 * guest's registers, and runs the next domain normally.
 */
#include <lib/string.h>
#include <guest/test.h>
#include <arch/x86.h>

const char test_title[] = "an attack on the VMM's isolation";

static void privileged(const char *insn)
{
	struct desc_ptr zero = { 0, 0 };

	printf("executing %s in ring 1\n", insn);
	console_flush();
	if (!strcmp(insn, "hlt"))
		__asm__ volatile("hlt");
	else if (!strcmp(insn, "cli"))
		__asm__ volatile("cli");
	else if (!strcmp(insn, "cr3"))
		__asm__ volatile("mov %%cr3, %%eax; mov %%eax, %%cr3" ::
					 : "eax");
	else if (!strcmp(insn, "out"))
		__asm__ volatile("outb %%al, $0x80" ::: "memory");
	else if (!strcmp(insn, "lgdt"))
		__asm__ volatile("lgdt %0" : : "m"(zero));
	else if (!strcmp(insn, "wrmsr"))
		__asm__ volatile("wrmsr" : : "c"(0x10), "a"(0), "d"(0));
	else
		xtf_error("unknown insn=%s", insn);
}

static void write_at(uint32_t addr, const char *what)
{
	printf("writing to %s at %x\n", what, addr);
	console_flush();
	*(volatile uint32_t *)addr = 0xbad;
	xtf_failure("wrote to %s at %x", what, addr);
}

void test_main(void)
{
	char what[16], insn[16];
	struct desc_ptr dt;
	uint32_t addr = test_arg_hex("addr", 0xF8100000);

	if (!test_arg("do", what, sizeof(what)))
		xtf_error("no do= on the command line");
	else if (!strcmp(what, "write"))
		write_at(addr, "the hole");
	else if (!strcmp(what, "read")) {
		printf("reading %x\n", addr);
		console_flush();
		xtf_failure("read %x from %x", *(volatile uint32_t *)addr,
			    addr);
	} else if (!strcmp(what, "ptwrite"))
		write_at(start_info->pt_base + 4 * 0x300, "our own L2");
	else if (!strcmp(what, "idt")) {
		__asm__ volatile("sidt %0" : "=m"(dt));
		write_at(dt.base, "the IDT");
	} else if (!strcmp(what, "gdt")) {
		__asm__ volatile("sgdt %0" : "=m"(dt));
		write_at(dt.base + 14 * 4096 + 8, "the VMM's GDT");
	} else if (!strcmp(what, "insn") && test_arg("insn", insn, 16)) {
		privileged(insn);
		xtf_failure("executed %s in ring 1", insn);
	} else
		xtf_error("unknown attack do=%s", what);
}
