/*
 * sensitive_insns: the instructions that are sensitive but not
 * privileged. They do not trap in ring 1 (or ring 3), so the VMM never
 * sees them, and a guest kernel that relies on them is silently wrong:
 * the reason the kit's guests are paravirtualized rather than run
 * unmodified (Popek and Goldberg; Robin and Irvine's list for x86). This
 * test shows what QEMU does and asserts it:
 *   popf          with IF clear: IF stays set (pushf shows it), no fault;
 *                 with IOPL 3: IOPL stays 0
 *   pushf         shows IF set and IOPL 0: the real flags, not the
 *                 guest's idea of them
 *   sgdt          the VMM's GDT, at 0xF0400000 in the hole
 *   sidt          the VMM's IDT, in the hole
 *   smsw          CR0's low bits: protected mode on (PE), as the VMM set
 *   str           the VMM's TSS selector 0xe040; sldt: no LDT
 *   mov %cs       RPL 1: the kernel can see it is not in ring 0
 *   lsl           the flat segments end at 0xF03FFFFF, not at 4 GiB
 * and the same sgdt, sidt, smsw and str from ring 3 (no UMIP).
 */
#include <arch/x86.h>
#include <guest/gdt.h>
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <vmm/segments.h>

const char test_title[] = "sensitive instructions that do not trap";

#define EFLAGS_IF   0x200
#define EFLAGS_IOPL 0x3000

/* Ring 3 writes what it sees into u_out, in the user window. */
void u_sensitive(void);
extern char u_out[];
__asm__(".pushsection .user_text, \"ax\"\n"
	"u_sensitive:\n"
	"	call 1f\n"
	"1:	popl %ecx\n"
	"	leal u_out - 1b(%ecx), %ecx\n"
	"	sgdt 0(%ecx)\n"
	"	sidt 8(%ecx)\n"
	"	smsw %ax\n"
	"	movw %ax, 16(%ecx)\n"
	"	str %ax\n"
	"	movw %ax, 18(%ecx)\n"
	"	pushfl\n"
	"	popl 20(%ecx)\n"
	"	ret\n"
	"	.align 4\n"
	"u_out: .space 24\n"
	".popsection");

static uint32_t flags(void)
{
	uint32_t f;

	__asm__ volatile("pushfl; popl %0" : "=r"(f));
	return f;
}

static void set_flags(uint32_t f)
{
	__asm__ volatile("pushl %0; popfl" : : "r"(f) : "cc", "memory");
}

static void ring1(void)
{
	struct desc_ptr gdt, idt;
	uint32_t f0 = flags(), f1, f2, cs;
	uint16_t msw, tr, ldt;
	int ok;

	printf("pushf: eflags %x (IF %u, IOPL %u)\n", f0, !!(f0 & EFLAGS_IF),
	       (f0 & EFLAGS_IOPL) >> 12);
	check(f0 & EFLAGS_IF);
	check_eq(f0 & EFLAGS_IOPL, 0);
	set_flags(f0 & ~EFLAGS_IF);
	f1 = flags();
	printf("popf with IF clear: no fault, pushf shows IF %u\n",
	       !!(f1 & EFLAGS_IF));
	check(f1 & EFLAGS_IF);
	set_flags(f0 | EFLAGS_IOPL);
	f2 = flags();
	printf("popf with IOPL 3: no fault, pushf shows IOPL %u\n",
	       (f2 & EFLAGS_IOPL) >> 12);
	check_eq(f2 & EFLAGS_IOPL, 0);

	__asm__ volatile("sgdt %0; sidt %1; smsw %2; str %3; sldt %4; "
			 "mov %%cs, %5"
			 : "=m"(gdt), "=m"(idt), "=r"(msw), "=r"(tr), "=r"(ldt),
			   "=r"(cs));
	printf("sgdt: base %x limit %x (the VMM's GDT, in the hole)\n",
	       gdt.base, gdt.limit);
	check_eq(gdt.base, 0xF0400000);
	check_eq(gdt.limit, GDT_LIMIT);
	printf("sidt: base %x limit %x (the VMM's IDT, in the hole)\n",
	       idt.base, idt.limit);
	check(idt.base >= 0xF0000000);
	check_eq(idt.limit, 256 * 8 - 1);
	printf("smsw: %x (PE %u, TS %u)\n", msw, msw & 1, (msw >> 3) & 1);
	check(msw & 1);
	printf("str: %x (the VMM's TSS), sldt: %x\n", tr, ldt);
	check_eq(tr, VMM_TSS);
	check_eq(ldt, 0);
	printf("mov %%cs: %x (ring %u)\n", cs & 0xFFFF, cs & 3);
	check_eq(cs & 3, 1);
	printf("lsl %x: %x (the flat segments stop below the hole)\n",
	       FLAT_RING1_DS, seg_lsl(FLAT_RING1_DS, &ok));
	check_eq(seg_lsl(FLAT_RING1_DS, &ok), 0xF03FFFFF);
	check_eq(seg_lsl(FLAT_RING1_CS, &ok), 0xF03FFFFF);
}

static void ring3(void)
{
	struct fault f;
	const uint8_t *out = user_data(u_out);
	struct desc_ptr gdt, idt;
	uint16_t msw, tr;
	uint32_t fl;

	check_eq(exec_user(u_sensitive, &f), 0);
	__builtin_memcpy(&gdt, out, 6);
	__builtin_memcpy(&idt, out + 8, 6);
	__builtin_memcpy(&msw, out + 16, 2);
	__builtin_memcpy(&tr, out + 18, 2);
	__builtin_memcpy(&fl, out + 20, 4);
	printf("ring 3: sgdt %x, sidt %x, smsw %x, str %x, pushf %x\n",
	       gdt.base, idt.base, msw, tr, fl);
	check_eq(gdt.base, 0xF0400000);
	check(idt.base >= 0xF0000000);
	check(msw & 1);
	check_eq(tr, VMM_TSS);
	check(fl & EFLAGS_IF);
}

void test_main(void)
{
	ring1();
	ring3();
	xtf_success("sensitive instructions ran without trapping");
}
