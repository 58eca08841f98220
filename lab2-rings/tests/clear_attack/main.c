/*
 * clear_attack: set_trap_table(0) removes every handler (command line):
 *   do=ud    with the test's handlers installed, clear them, then ud2
 *   do=fast  with a fast system-call gate, clear the table, check that
 *            IDT gate 0x80 is the VMM's again, then int $0x80 from
 *            ring 3
 * Each time the exception finds no handler and the VMM destroys the
 * domain ("the guest has no handler for it"). Vulnerable: a handler
 * survives the clearing (this guest then reports FAILURE; the grader
 * forbids any result line from it).
 */
#include <lib/string.h>
#include <arch/x86.h>
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <vmm/segments.h>

const char test_title[] = "no handlers after set_trap_table(0)";

void u_int80(void);
__asm__(".pushsection .user_text, \"ax\"\n"
	"u_int80: int $0x80\n"
	"ud2\n"
	".popsection");

static uint16_t gate80_sel(void)
{
	struct desc_ptr idt;

	__asm__ volatile("sidt %0" : "=m"(idt));
	return (uint16_t)(((const uint32_t *)idt.base)[2 * 0x80] >> 16);
}

void test_main(void)
{
	char what[8];

	if (!test_arg("do", what, sizeof(what))) {
		xtf_error("no do= on the command line");
		return;
	}
	check_eq(trap_set(6, 0, 0, rec_skip2), 0);
	check_eq(trap_set(0x80, 3, 0, rec_iret), 0);
	check_eq(gate80_sel(), FLAT_RING1_CS);
	check_eq(HYPERVISOR_set_trap_table(0), 0);
	printf("table cleared; IDT gate 0x80 now has selector %x\n",
	       gate80_sel());
	if (gate80_sel() != VMM_CS)
		xtf_failure("the fast gate survived");
	console_flush();
	if (!strcmp(what, "ud")) {
		__asm__ volatile("ud2" ::: "memory");
		xtf_failure("ud2 reached a handler after the clearing");
	} else if (!strcmp(what, "fast")) {
		user_enter_raw(u_int80);
	} else {
		xtf_error("unknown do=%s", what);
	}
}
