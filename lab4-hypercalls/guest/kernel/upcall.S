/*
 * The guest kernel's event callback (lab 4). The VMM enters it like an
 * interrupt, events masked, with eip, cs, eflags (and esp, ss from user
 * mode) on the kernel stack. It saves the registers, runs do_upcall()
 * with the kernel's data segments, restores them and returns with the
 * iret hypercall, which unmasks and returns in one step
 * (public/callback.h): an event that came meanwhile is delivered at once.
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
	call	do_upcall
	popl	%es
	popl	%ds
	popal
	pushl	%eax
	movl	$__HYPERVISOR_iret, %eax
	int	$0x82
	ud2				/* iret never returns here */
