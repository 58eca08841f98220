/*
 * iret_frame (exercise 6): the iret hypercall by hand (iret_by_hand, the
 * test library's). We push a frame - eax, eip, cs, eflags - and call
 * iret; it must land at eip with our eax
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

void test_main(void)
{
	struct iret_landing l;

	events_unmask();
	iret_by_hand(0x00000002, 0x1234abcd, &l); /* IF clear */
	check_eq(l.lands, 1);
	check_eq(l.eax, 0x1234abcd);
	check_eq(l.ebx, 0x55aa55aa);
	check_eq(l.esi, 0x66bb66bb);
	check_eq(l.esp_after, l.esp_before);
	check_eq(vcpu0()->evtchn_upcall_mask, 1);
	check(l.eflags & 0x200);
	printf("IF clear in the frame: landed masked, eax restored\n");

	iret_by_hand(0x00000202, 0x1234abcd, &l);
	check_eq(l.eax, 0x1234abcd);
	check_eq(vcpu0()->evtchn_upcall_mask, 0);
	printf("IF set in the frame: landed unmasked\n");

	/* VM, NT, IOPL 3 */
	iret_by_hand(0x00027202 | 0x4000 | 0x3000, 0x1234abcd, &l);
	check_eq(l.eax, 0x1234abcd);
	check_eq(l.eflags & 0x3000, 0);	 /* IOPL 0 */
	check_eq(l.eflags & 0x4000, 0);	 /* NT */
	check_eq(l.eflags & 0x20000, 0); /* VM */
	check(l.eflags & 0x200);
	printf("IOPL, NT, VM in the frame: not taken\n");
	xtf_success("iret as the ABI says");
}
