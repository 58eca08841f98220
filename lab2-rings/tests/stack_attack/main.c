/*
 * stack_attack: a guest whose kernel stack is garbage when it faults, so
 * that the VMM cannot write the bounce frame there. Command line:
 *   ring=1        point %esp at the garbage in ring 1, then ud2
 *   ring=3        stack_switch to the garbage, then ud2 in ring 3
 *   ring=3 fast=1 the same with a fast system-call gate, then int $0x80:
 *                 the CPU itself pushes on the garbage and faults
 *   where=hole    0xF8100000, the VMM's code
 *   where=gdt     0xF0401000, the GDT area (present, read-only to us)
 *   where=estack  the top of the entry stack (writable by us, the VMM's)
 *   where=unmapped 0x00400000
 *   where=pt      the top of our own L2 page table (read-only to us)
 *   where=wrap    0x00000008: the frame would wrap around to the hole
 *   where=none    (ring 3) no stack_switch at all
 * Vulnerable: the VMM writes the frame anyway (through its own mappings:
 * into itself, the entry stack or our page tables), or faults and stops.
 * Fixed: the domain is destroyed ("cannot write the frame on the guest
 * kernel stack"), the VMM and the next domain go on. This guest never
 * prints a result line of its own unless the VMM let it live.
 */
#include <lib/string.h>
#include <guest/handlers.h>
#include <guest/hole.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <vmm/segments.h>

const char test_title[] = "a fault on a garbage kernel stack";

void u_ud2(void), u_int80(void);
__asm__(".pushsection .user_text, \"ax\"\n"
	"u_ud2: ud2\n"
	"u_int80: int $0x80\n"
	"ud2\n"
	".popsection");

static void nothing(void *arg)
{
	(void)arg;
}

static uint32_t garbage(const char *where)
{
	struct tramp t;

	if (!strcmp(where, "hole"))
		return 0xF8100000;
	if (!strcmp(where, "gdt"))
		return 0xF0401000;
	if (!strcmp(where, "estack")) {
		tramp_find(&t);
		return ((const struct tss *)t.tss)->esp0;
	}
	if (!strcmp(where, "unmapped"))
		return 0x00400000;
	if (!strcmp(where, "pt"))
		return start_info->pt_base + 4096;
	if (!strcmp(where, "wrap"))
		return 0x00000008;
	xtf_error("unknown where=%s", where);
	test_end();
}

void test_main(void)
{
	char where[16] = "", ring[4] = "1", fast[4] = "0";
	struct trap_info t[] = {
		{ 6, 0, FLAT_RING1_CS, (uint32_t)rec_skip2 },
		{ 10, 0, FLAT_RING1_CS, (uint32_t)rec_iret }, /* #TS */
		{ 0x80, 3, FLAT_RING1_CS, (uint32_t)rec_iret },
		{ 0, 0, 0, 0 },
	};
	uint32_t sp;

	test_arg("where", where, sizeof(where));
	test_arg("ring", ring, sizeof(ring));
	test_arg("fast", fast, sizeof(fast));
	if (!strcmp(where, "none")) {
		/* Handlers, but never a stack_switch. */
		check_eq(HYPERVISOR_set_trap_table(t), 0);
		printf("ring 3 without a kernel stack: %s\n",
		       fast[0] == '1' ? "int $0x80" : "ud2");
		user_enter_raw(fast[0] == '1' ? u_int80 : u_ud2);
	}
	sp = garbage(where);
	exec_fault(nothing, 0, 0); /* the test's trap table and stack */
	if (fast[0] == '1')
		check_eq(trap_set(0x80, 3, 0, rec_iret), 0);
	printf("ring %s, kernel stack at %x (%s)%s\n", ring, sp, where,
	       fast[0] == '1' ? ", int $0x80" : "");
	console_flush();
	if (ring[0] == '3') {
		check_eq(HYPERVISOR_stack_switch(FLAT_RING1_SS, sp), 0);
		user_enter_raw(fast[0] == '1' ? u_int80 : u_ud2);
	}
	__asm__ volatile("movl %%esp, %%ebx; movl %0, %%esp; ud2; "
			 "movl %%ebx, %%esp"
			 :
			 : "r"(sp)
			 : "ebx", "memory");
	xtf_failure("the VMM bounced a fault onto a kernel stack at %x", sp);
}
