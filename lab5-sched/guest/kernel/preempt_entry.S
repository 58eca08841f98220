/*
 * The event callback of the lab 5 kernel (preempt.c registers it
 * instead of lab 4's upcall_entry, guest/lib/upcall_entry.S): the same
 * entry and the same return, with one step in between. After do_upcall
 * has handled the pending events, upcall_return(frame) may switch to
 * another process (preempt.c); it returns when this one runs again.
 *
 * The VMM entered us as an interrupt: eip, cs, eflags (and esp, ss from
 * ring 3) on the kernel stack, events masked. Above %esp, after the
 * pushes below: es, ds (8 bytes), the pushal registers (32), then that
 * frame, whose address upcall_return gets.
 */
#include <public/xen.h>

#define FRAME_OFFSET 40 /* es, ds, and the 8 registers of pushal */

	.text
	.globl preempt_upcall_entry
preempt_upcall_entry:
	pushal
	pushl	%ds
	pushl	%es
	movl	$FLAT_RING1_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	call	do_upcall
	leal	FRAME_OFFSET(%esp), %eax
	pushl	%eax			/* upcall_return(frame) */
	call	upcall_return
	addl	$4, %esp
	popl	%es
	popl	%ds
	popal
	pushl	%eax			/* the iret hypercall's frame: eax, */
	movl	$__HYPERVISOR_iret, %eax /* then the VMM's */
	int	$0x82
	ud2				/* iret never returns here */
