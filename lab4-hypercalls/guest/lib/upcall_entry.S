/*
 * The event callback of lab 4's guests (the provided kernel and the test
 * guests): upcall_entry is what they register with set_callbacks. The VMM
 * enters it like an interrupt, events masked, with eip, cs, eflags (and
 * esp, ss from ring 3) on the kernel stack. It saves every register, runs
 * do_upcall() with the kernel's data segments, restores them and returns
 * with the iret hypercall, which pops eax and the frame and restores the
 * mask in one step (public/callback.h): an event that came meanwhile is
 * delivered at once.
 *
 * do_upcall is the guest's own (guest/kernel/events.c, testlib/events.c);
 * a guest that never registers the callback need not have one.
 */
#include <public/xen.h>

	.weak	do_upcall
	.text
	.globl upcall_entry
upcall_entry:
	pushal
	pushl	%ds
	pushl	%es
	movl	$FLAT_RING1_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	call	do_upcall
	popl	%es
	popl	%ds
	popal
	pushl	%eax
	movl	$__HYPERVISOR_iret, %eax
	int	$0x82
	ud2				/* iret never returns here */
