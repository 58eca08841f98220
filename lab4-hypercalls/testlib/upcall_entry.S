/*
 * The test library's event callback. The VMM enters it as an interrupt,
 * with events masked: eip, cs, eflags (and esp, ss from ring 3) on the
 * stack. It saves every register, runs test_upcall() with the kernel's
 * data segments, and returns with the iret hypercall, which pops eax and
 * the frame and restores the mask in one step (public/callback.h).
 */
#include <public/xen.h>

	.text
	.globl upcall_entry
upcall_entry:
	pushal
	pushl	%ds
	pushl	%es
	movl	$FLAT_RING1_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	call	test_upcall
	popl	%es
	popl	%ds
	popal
	pushl	%eax
	movl	$__HYPERVISOR_iret, %eax
	int	$0x82
	ud2				/* iret does not return here */
