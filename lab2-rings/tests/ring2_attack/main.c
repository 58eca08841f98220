/*
 * ring2_attack: the ways into ring 2. An iret to a conforming code
 * segment sets CPL to the selector's RPL, so a DPL-1 conforming segment
 * with RPL 2, and a DPL-2 stack, would run this ring-1 kernel's code at
 * CPL 2; the fast system-call gate (DPL 3, into ring 1) brings it back.
 * Every descriptor of that route must be refused, by set_gdt and by
 * update_descriptor: conforming code of any DPL, and DPL-2 code or data
 * of any type. DPL-1 and DPL-3 ordinary segments stay accepted.
 *
 * Hostile: a vulnerable VMM accepts them; this guest then irets into the
 * conforming segment with RPL 2 and reports the ring it ran in. (Ring 2
 * is supervisor to the MMU, like ring 1: it gains nothing today, but it
 * is a ring the VMM's rules do not know, and a fault there crashes the
 * return path: exit_fault_stack.)
 */
#include <guest/gdt.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "no way into ring 2";

enum { CODE = 1, CONF, DATA2, ENTRIES };

/* The selectors of the route, RPL 2, spelt out for the assembly below. */
#define SEL_CONF2  0x12
#define SEL_DATA22 0x1a
_Static_assert(SEL_CONF2 == SEL(CONF, 2), "selector of CONF");
_Static_assert(SEL_DATA22 == SEL(DATA2, 2), "selector of DATA2");

static struct seg_desc gdt[512] __attribute__((aligned(4096)));
uint32_t ring2_stack[256] __attribute__((aligned(16)));
uint32_t ring2_saved_esp;

/* ring2_try(): irets to SEL_CONF2:ring2_code on SEL_DATA22, where the
 * code raises int $0x80 at once; the fast gate's handler, ring2_back,
 * returns the cs it interrupted (its ring is the CPL the code ran at). */
uint32_t ring2_try(void);
void ring2_back(void);
__asm__(".text\n"
	"ring2_try:\n"
	"	pushl %ebx; pushl %esi; pushl %edi; pushl %ebp\n"
	"	pushl %ds; pushl %es; pushl %fs; pushl %gs\n"
	"	movl %esp, ring2_saved_esp\n"
	"	pushl $0x1a\n" /* SEL_DATA22 */
	"	pushl $ring2_stack + 1024\n"
	"	pushfl\n"
	"	pushl $0x12\n" /* SEL_CONF2 */
	"	pushl $ring2_code\n"
	"	iret\n"
	"ring2_code:\n"
	"	int $0x80\n"
	"	ud2\n"
	"ring2_back:\n"
	"	movl 4(%esp), %eax\n" /* the interrupted cs */
	"	movl ring2_saved_esp, %esp\n"
	"	popl %gs; popl %fs; popl %es; popl %ds\n"
	"	popl %ebp; popl %edi; popl %esi; popl %ebx\n"
	"	ret\n");

/* set_gdt of a table holding only d, at entry CONF. */
static long install_one(struct seg_desc d)
{
	for (unsigned i = 0; i < ENTRIES; i++)
		gdt[i] = (struct seg_desc){ 0, 0 };
	gdt[CONF] = d;
	return gdt_install(gdt, ENTRIES);
}

static int refused(const char *what, struct seg_desc d)
{
	long rc = install_one(d);
	long rc2;

	gdt[CONF] = (struct seg_desc){ 0, 0 };
	gdt[CODE] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1), 1);
	check_eq(gdt_install(gdt, ENTRIES), 0);
	rc2 = gdt_update(gdt, CONF, d);
	printf("%s: set_gdt %ld, update_descriptor %ld\n", what, rc, rc2);
	if (rc != -EINVAL || rc2 != -EINVAL) {
		xtf_failure("%s accepted", what);
		return 0;
	}
	return 1;
}

static void nothing(void *arg)
{
	(void)arg;
}

void test_main(void)
{
	struct seg_desc conf1 =
		seg_make(0, 0xFFFFF, ACC_CODE_SEG(1) | ACC_CONFORM, 1);
	struct seg_desc data2 = seg_make(0, 0xFFFFF, ACC_DATA_SEG(2), 1);
	int closed = 1;
	uint32_t cs;

	closed &= refused("conforming DPL-1 code", conf1);
	closed &=
		refused("conforming DPL-3 code",
			seg_make(0, 0xFFFFF, ACC_CODE_SEG(3) | ACC_CONFORM, 1));
	closed &=
		refused("DPL-2 code", seg_make(0, 0xFFFFF, ACC_CODE_SEG(2), 1));
	closed &= refused("DPL-2 data", data2);
	closed &=
		refused("DPL-2 read-only data",
			seg_make(0, 0xFFFFF, ACC_DATA_SEG(2) & ~ACC_WRITE, 1));
	check_eq(install_one(seg_make(0, 0xFFFFF, ACC_DATA_SEG(3), 1)), 0);
	printf("DPL-3 data: accepted\n");
	if (closed) {
		xtf_success("every descriptor into ring 2 was refused");
		return;
	}

	/* The VMM let some through: try the route it opens. */
	gdt[CONF] = conf1;
	gdt[DATA2] = data2;
	if (gdt_install(gdt, ENTRIES))
		return; /* not both at once: the route stays closed */
	exec_fault(nothing, 0, 0); /* the test's trap table and stack */
	check_eq(trap_set(0x80, 3, 0, ring2_back), 0);
	cs = ring2_try();
	printf("iret to %x on %x: ran with cs %x\n", SEL_CONF2, SEL_DATA22, cs);
	if ((cs & 3) == 2)
		xtf_failure("the guest ran its code in ring 2");
}
