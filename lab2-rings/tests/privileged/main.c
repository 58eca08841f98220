/*
 * privileged: a guest kernel that executes a privileged instruction
 * (command line: insn=NAME). In ring 1 each raises #GP; the VMM reads the
 * instruction (exercise 6, priv_insn_name), and ends the domain with
 *   destroyed: #GP general protection: privileged instruction N at eip X
 * even though this guest has a #GP handler: a guest kernel that tries one
 * is broken (it was not paravirtualized). NAME is one of
 *   hlt cli sti in out ins outs clts invd wbinvd wrmsr rdmsr
 *   cr0r cr0w cr3r cr3w (mov cr) dr (mov dr) lldt ltr lgdt lidt lmsw
 *   invlpg, and with prefixes: in16 (66 ED), reports (F3 6E), fslgdt
 *   (64 0F 01 /2), cshlt (2E F4), and hltedge: hlt as the last byte
 *   before an unmapped page (the VMM must read the instruction byte by
 *   byte).
 * Vulnerable: the instruction runs, or its #GP reaches our handler (this
 * guest then reports FAILURE; the grader forbids any result line from
 * it). Fixed: the domain is destroyed at the instruction, named.
 */
#include <lib/string.h>
#include <arch/x86.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <public/layout.h>

const char test_title[] = "a privileged instruction in ring 1";

static struct desc_ptr zero;

static void run(void *arg)
{
	const char *n = arg;
	uint32_t scratch = 0;

	if (!strcmp(n, "hlt"))
		__asm__ volatile("hlt");
	else if (!strcmp(n, "cli"))
		__asm__ volatile("cli");
	else if (!strcmp(n, "sti"))
		__asm__ volatile("sti");
	else if (!strcmp(n, "in"))
		__asm__ volatile("inb $0x80, %%al" : : : "eax");
	else if (!strcmp(n, "out"))
		__asm__ volatile("outb %%al, $0x80" : : "a"(0));
	else if (!strcmp(n, "ins"))
		__asm__ volatile("insb"
				 :
				 : "D"(&scratch), "d"(0x80)
				 : "memory");
	else if (!strcmp(n, "outs"))
		__asm__ volatile("outsl" : : "S"(&scratch), "d"(0x80));
	else if (!strcmp(n, "clts"))
		__asm__ volatile("clts");
	else if (!strcmp(n, "invd"))
		__asm__ volatile("invd");
	else if (!strcmp(n, "wbinvd"))
		__asm__ volatile("wbinvd");
	else if (!strcmp(n, "wrmsr"))
		__asm__ volatile("wrmsr" : : "c"(0x10), "a"(0), "d"(0));
	else if (!strcmp(n, "rdmsr"))
		__asm__ volatile("rdmsr" : : "c"(0x10) : "eax", "edx");
	else if (!strcmp(n, "cr0r"))
		__asm__ volatile("mov %%cr0, %%eax" : : : "eax");
	else if (!strcmp(n, "cr0w"))
		__asm__ volatile("mov %%eax, %%cr0" : : "a"(0x80010033));
	else if (!strcmp(n, "cr3r"))
		__asm__ volatile("mov %%cr3, %%eax" : : : "eax");
	else if (!strcmp(n, "cr3w"))
		__asm__ volatile("mov %%eax, %%cr3" : : "a"(0));
	else if (!strcmp(n, "dr"))
		__asm__ volatile("mov %%dr7, %%eax" : : : "eax");
	else if (!strcmp(n, "lldt"))
		__asm__ volatile("lldt %%ax" : : "a"(0));
	else if (!strcmp(n, "ltr"))
		__asm__ volatile("ltr %%ax" : : "a"(0xe040));
	else if (!strcmp(n, "lgdt"))
		__asm__ volatile("lgdt %0" : : "m"(zero));
	else if (!strcmp(n, "lidt"))
		__asm__ volatile("lidt %0" : : "m"(zero));
	else if (!strcmp(n, "lmsw"))
		__asm__ volatile("lmsw %%ax" : : "a"(1));
	else if (!strcmp(n, "invlpg"))
		__asm__ volatile("invlpg (%0)" : : "r"(0xC0000000) : "memory");
	else if (!strcmp(n, "in16"))
		__asm__ volatile(".byte 0x66, 0xed" : : "d"(0x80) : "eax");
	else if (!strcmp(n, "reports"))
		__asm__ volatile(".byte 0xf3, 0x6e"
				 :
				 : "S"(&scratch), "c"(1), "d"(0x80));
	else if (!strcmp(n, "fslgdt"))
		__asm__ volatile("mov %1, %%fs; .byte 0x64, 0x0f, 0x01, 0x10"
				 :
				 : "a"(&zero), "r"((uint32_t)FLAT_RING1_DS));
	else if (!strcmp(n, "cshlt"))
		__asm__ volatile(".byte 0x2e, 0xf4");
	else if (!strcmp(n, "hltedge")) {
		/* The last byte of the shared-info page; nothing after it. */
		uint8_t *last =
			(uint8_t *)KIT_SHARED_INFO_VA(start_info->nr_pages) +
			4095;

		*last = 0xF4;
		((void (*)(void))last)();
	} else
		xtf_error("unknown insn=%s", n);
}

void test_main(void)
{
	char insn[16];
	struct fault f;

	if (!test_arg("insn", insn, sizeof(insn))) {
		xtf_error("no insn= on the command line");
		return;
	}
	printf("executing %s in ring 1\n", insn);
	console_flush();
	if (exec_fault(run, insn, &f))
		xtf_failure("%s: the VMM gave us its #GP (vector %u error %x "
			    "at %x) instead of ending the domain",
			    insn, f.vector, f.error, f.eip);
	else
		xtf_failure("executed %s in ring 1", insn);
}
