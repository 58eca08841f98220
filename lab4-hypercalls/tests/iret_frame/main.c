/*
 * iret_frame (exercise 6): the iret hypercall by hand. We push a frame -
 * eax, eip, cs, eflags - and call iret; it must land at eip with our eax
 * and the event mask set from the frame's IF:
 *  - IF clear: we land masked; IF set: unmasked;
 *  - flags we may not choose (IOPL 3, NT, VM) are not taken, IF is set in
 *    the real eflags whatever the frame said;
 *  - the other registers are untouched and the stack pointer is just
 *    above the frame.
 */
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "iret_frame: the iret hypercall by hand";

struct landing {
	uint32_t eax, ebx, esi, esp_before, esp_after, eflags;
};

/* Pushes the frame (eflags given) and calls iret; the frame's eip is the
 * label after the int, eax 0x1234abcd. */
static void iret_to_here(uint32_t eflags, struct landing *l)
{
	__asm__ volatile(
		"movl %%esp, %[before]\n\t"
		"pushl %[fl]\n\t"
		"pushl %[cs]\n\t"
		"pushl $1f\n\t"
		"pushl $0x1234abcd\n\t"
		"movl $0x55aa55aa, %%ebx\n\t"
		"movl $0x66bb66bb, %%esi\n\t"
		"movl %[nr], %%eax\n\t"
		"int $0x82\n\t"
		"ud2\n"
		"1:\tmovl %%esp, %[after]\n\t"
		"movl %%eax, %[eax]\n\t"
		"movl %%ebx, %[ebx]\n\t"
		"movl %%esi, %[esi]\n\t"
		"pushfl\n\t"
		"popl %[eflags]\n\t"
		: [before] "=m"(l->esp_before), [after] "=m"(l->esp_after),
		  [eax] "=m"(l->eax), [ebx] "=m"(l->ebx), [esi] "=m"(l->esi),
		  [eflags] "=m"(l->eflags)
		: [fl] "r"(eflags), [cs] "i"(FLAT_RING1_CS),
		  [nr] "i"(__HYPERVISOR_iret)
		: "eax", "ebx", "esi", "memory", "cc");
}

void test_main(void)
{
	struct landing l;

	events_unmask();
	iret_to_here(0x00000002, &l); /* IF clear */
	check_eq(l.eax, 0x1234abcd);
	check_eq(l.ebx, 0x55aa55aa);
	check_eq(l.esi, 0x66bb66bb);
	check_eq(l.esp_after, l.esp_before);
	check_eq(vcpu0()->evtchn_upcall_mask, 1);
	check(l.eflags & 0x200);
	printf("IF clear in the frame: landed masked, eax restored\n");

	iret_to_here(0x00000202, &l);
	check_eq(l.eax, 0x1234abcd);
	check_eq(vcpu0()->evtchn_upcall_mask, 0);
	printf("IF set in the frame: landed unmasked\n");

	iret_to_here(0x00027202 | 0x4000 | 0x3000, &l); /* VM, NT, IOPL 3 */
	check_eq(l.eax, 0x1234abcd);
	check_eq(l.eflags & 0x3000, 0);	 /* IOPL 0 */
	check_eq(l.eflags & 0x4000, 0);	 /* NT */
	check_eq(l.eflags & 0x20000, 0); /* VM */
	check(l.eflags & 0x200);
	printf("IOPL, NT, VM in the frame: not taken\n");
	xtf_success("iret as the ABI says");
}
