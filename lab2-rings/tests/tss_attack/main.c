/*
 * tss_attack: the TSS's ring-1 stack (ss1:esp1, which the CPU uses on an
 * entry from ring 3) must always be the vCPU's kernel stack, including
 * after the VMM dropped it because a GDT change invalidated its selector
 * (fix_segments). The TSS is part of the trampoline, read-only to this
 * guest, so it can read ss1 and esp1 there. Command line:
 *   do=read     stack_switch to an entry of our GDT, then invalidate the
 *               entry with update_descriptor, then with set_gdt: each time
 *               the TSS must say ss1 = 0 (no kernel stack); a GDT change
 *               that leaves the selector valid leaves ss1:esp1 alone
 *   do=syscall  the same invalidation, then int $0x80 from ring 3 through
 *               the fast gate: the CPU finds no ring-1 stack in the TSS
 *               (#TS, error 0) and the VMM, with no kernel stack either,
 *               destroys the domain; this guest prints no result line
 * Hostile: a vulnerable VMM drops the vCPU's kernel_ss but leaves the old
 * selector in the TSS: the CPU still enters ring 1 on a stack the VMM no
 * longer vouches for (#TS with the old selector as error code here, a
 * running handler on a segment that changed in general).
 */
#include <lib/string.h>
#include <guest/gdt.h>
#include <guest/handlers.h>
#include <guest/hole.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <vmm/segments.h>

const char test_title[] = "the TSS follows the vCPU's kernel stack";

enum { STACK = 1, OTHER, ENTRIES };

static struct seg_desc gdt[512] __attribute__((aligned(4096)));
static uint32_t kstack[1024] __attribute__((aligned(16)));
static volatile const struct tss *vtss; /* the TSS, read-only to us */

void u_int80(void);
__asm__(".pushsection .user_text, \"ax\"\n"
	"u_int80: int $0x80\n"
	"ud2\n"
	".popsection");

static void expect_tss(const char *when, uint32_t ss1, uint32_t esp1)
{
	printf("%s: tss ss1 %x esp1 %x\n", when, vtss->ss1, vtss->esp1);
	if (vtss->ss1 != ss1 || (ss1 && vtss->esp1 != esp1))
		xtf_failure("%s: the TSS has %x:%x, the kernel stack is %x:%x",
			    when, vtss->ss1, vtss->esp1, ss1, esp1);
}

/* A GDT with a ring-1 stack segment at STACK, and our stack on it. */
static void stack_on_our_gdt(void)
{
	uint32_t top = (uint32_t)kstack + sizeof(kstack);

	gdt[STACK] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1), 1);
	gdt[OTHER] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(3), 1);
	check_eq(gdt_install(gdt, ENTRIES), 0);
	check_eq(HYPERVISOR_stack_switch(SEL(STACK, 1), top), 0);
	expect_tss("after stack_switch", SEL(STACK, 1), top);
}

static void nothing(void *arg)
{
	(void)arg;
}

void test_main(void)
{
	char what[16] = "read";
	struct seg_desc gone =
		seg_make(0, 0xFFFFF, ACC_DATA_SEG(1) & ~ACC_P, 1);
	struct tramp t;

	test_arg("do", what, sizeof(what));
	tramp_find(&t);
	vtss = (const struct tss *)t.tss;

	if (!strcmp(what, "syscall")) {
		exec_fault(nothing, 0, 0); /* the test's trap table */
		check_eq(trap_set(0x80, 3, 0, rec_iret), 0);
		stack_on_our_gdt();
		check_eq(gdt_update(gdt, STACK, gone), 0);
		expect_tss("stack segment made not present", 0, 0);
		printf("int $0x80 from ring 3, no kernel stack\n");
		console_flush();
		user_enter_raw(u_int80);
	}

	stack_on_our_gdt();
	check_eq(gdt_update(gdt, STACK, gone), 0);
	expect_tss("update_descriptor: stack segment made not present", 0, 0);

	stack_on_our_gdt();
	check_eq(gdt_install(gdt, STACK), 0); /* STACK is past the end now */
	expect_tss("set_gdt: stack segment no longer in use", 0, 0);

	stack_on_our_gdt();
	check_eq(gdt_update(gdt, OTHER, gone), 0);
	expect_tss("update_descriptor of another entry", SEL(STACK, 1),
		   (uint32_t)kstack + sizeof(kstack));
	check_eq(HYPERVISOR_stack_switch(FLAT_RING1_SS, 0xC0001000), 0);
	check_eq(gdt_install(gdt, STACK), 0);
	expect_tss("set_gdt, on the flat stack segment", FLAT_RING1_SS,
		   0xC0001000);
	xtf_success("the TSS kept the vCPU's kernel stack");
}
