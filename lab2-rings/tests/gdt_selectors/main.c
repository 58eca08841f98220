/*
 * gdt_selectors: the guest's own GDT entries as trap-handler code
 * selectors (set_trap_table) and kernel stack selectors (stack_switch).
 * Taken: a present DPL-1 code segment (readable or execute-only) with
 * RPL 1 as cs; a present, writable DPL-1 data segment with RPL 1 as ss;
 * and they work: a handler then runs on that cs, a ring-3 fault's frame
 * lands on that ss. Refused with -EPERM: not present, DPL-3 code, data
 * as cs; code, read-only data, DPL-3 data as ss; RPL other than 1;
 * entries past those in use. (Conforming code, DPL-2 segments and DPL-1
 * code or stack segments that are not flat never get into the GDT:
 * ring2_conforming, flat_kernel_segments.)
 *
 * Hostile: a vulnerable VMM bounces to a selector its own iret then
 * refuses (a fault in the VMM), or runs a handler in ring 3.
 */
#include <guest/gdt.h>
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "guest GDT entries as handler cs and kernel ss";

static struct seg_desc gdt[512] __attribute__((aligned(4096)));
static uint32_t kstack[1024] __attribute__((aligned(16)));

enum {
	CODE = 1,
	DATA,
	CODE_NP,
	CODE3,
	CODE2,
	DATA_RO,
	DATA3,
	CODE_XO,
	DATA_NP,
	ENTRIES
};

static void __user_text user_ud2(void)
{
	__asm__ volatile("ud2");
}

static void __user_text user_int3(void)
{
	__asm__ volatile("int3");
}

static void cs_refused(uint16_t cs, const char *what)
{
	struct trap_info t[] = { { 6, 0, cs, (uint32_t)alt_skip2 },
				 { 0, 0, 0, 0 } };
	long rc = HYPERVISOR_set_trap_table(t);

	if (rc != -EPERM)
		xtf_failure("cs %x (%s): set_trap_table returned %ld", cs, what,
			    rc);
	else
		printf("cs %x (%s): -EPERM\n", cs, what);
}

static void ss_refused(uint16_t ss, const char *what)
{
	long rc = HYPERVISOR_stack_switch(ss, (uint32_t)kstack + 4096);

	if (rc != -EPERM)
		xtf_failure("ss %x (%s): stack_switch returned %ld", ss, what,
			    rc);
	else
		printf("ss %x (%s): -EPERM\n", ss, what);
}

static void cs_taken(uint16_t cs, const char *what)
{
	struct trap_info t[] = { { 6, 0, cs, (uint32_t)rec_skip2 },
				 { 0, 0, 0, 0 } };
	uint32_t before = rec.count;

	check_eq(HYPERVISOR_set_trap_table(t), 0);
	__asm__ volatile("ud2" ::: "memory");
	if (rec.count != before + 1 || rec.h_cs != cs)
		xtf_failure("cs %x (%s): the handler ran on cs %x", cs, what,
			    rec.h_cs);
	else
		printf("cs %x (%s): taken; the handler ran on it\n", cs, what);
}

void test_main(void)
{
	struct fault f;
	uint32_t *fr = kstack + 1024 - 5;

	gdt[CODE] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1), 1);
	gdt[DATA] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1), 1);
	gdt[CODE_NP] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1) & ~ACC_P, 1);
	gdt[CODE3] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(3), 1);
	gdt[CODE2] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(2), 1);
	/* No way into ring 2: set_gdt refuses DPL-2 code (check_descriptor). */
	check_eq(gdt_install(gdt, ENTRIES), -EINVAL);
	gdt[CODE2] = (struct seg_desc){ 0, 0 };
	gdt[DATA_RO] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1) & ~ACC_WRITE, 1);
	gdt[DATA3] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(3), 1);
	gdt[CODE_XO] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1) & ~ACC_READ, 1);
	gdt[DATA_NP] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1) & ~ACC_P, 1);
	check_eq(gdt_install(gdt, ENTRIES), 0);
	exec_fault((void (*)(void *))user_ud2, 0, &f); /* the test's table */

	cs_refused(SEL(CODE_NP, 1), "not present");
	cs_refused(SEL(CODE3, 1), "DPL 3");
	cs_refused(SEL(CODE3, 3), "DPL 3, RPL 3");
	cs_refused(SEL(CODE2, 1), "DPL 2");
	cs_refused(SEL(DATA, 1), "data");
	cs_refused(SEL(CODE, 0), "RPL 0");
	cs_refused(SEL(CODE, 3), "RPL 3");
	cs_refused(SEL(ENTRIES, 1), "past the entries in use");
	ss_refused(SEL(CODE, 1), "code");
	ss_refused(SEL(DATA_RO, 1), "read-only");
	ss_refused(SEL(DATA3, 1), "DPL 3");
	ss_refused(SEL(DATA3, 3), "DPL 3, RPL 3");
	ss_refused(SEL(DATA_NP, 1), "not present");
	ss_refused(SEL(DATA, 0), "RPL 0");
	ss_refused(SEL(DATA, 3), "RPL 3");
	ss_refused(SEL(ENTRIES, 1), "past the entries in use");

	cs_taken(SEL(CODE, 1), "DPL-1 code");
	cs_taken(SEL(CODE_XO, 1), "DPL-1 execute-only code");
	check_eq(HYPERVISOR_stack_switch(SEL(DATA, 1), (uint32_t)kstack + 4096),
		 0);
	check_eq(exec_user(user_int3, &f), 1);
	check_eq(f.vector, 3);
	check_eq(fr[4], FLAT_RING3_SS);
	check_eq(fr[1], FLAT_RING3_CS);
	printf("ss %x: taken; a ring-3 fault's frame landed on it\n",
	       SEL(DATA, 1));
	xtf_success("only ring-1 code and stack segments were taken");
}
