/* Recording handlers and ring-3 helpers: see include/guest/handlers.h. */

	.data
	.globl rec, alt_count
	.align 4
rec:
	.space	40
alt_count:
	.long	0

	.text
	.globl rec_iret, rec_skip2, alt_skip2
/* Stack: eip, cs, eflags [, esp, ss]. Keeps every register. */
rec_iret:
	call	record
	iret

/* The same, returning past a two-byte faulting instruction (ud2). */
rec_skip2:
	call	record
	addl	$2, (%esp)
	iret

/* Another handler for such faults, which only counts them. */
alt_skip2:
	incl	alt_count
	addl	$2, (%esp)
	iret

/* Called first thing by a handler: the frame is at 4(%esp). */
record:
	pushl	%eax
	pushfl
	popl	%eax
	movl	%eax, rec + 36		/* h_eflags */
	incl	rec			/* count */
	movl	8(%esp), %eax
	movl	%eax, rec + 4		/* eip */
	movl	12(%esp), %eax
	movl	%eax, rec + 8		/* cs */
	movl	16(%esp), %eax
	movl	%eax, rec + 12		/* eflags */
	movl	20(%esp), %eax
	movl	%eax, rec + 16		/* esp */
	movl	24(%esp), %eax
	movl	%eax, rec + 20		/* ss */
	xorl	%eax, %eax
	movw	%cs, %ax
	movl	%eax, rec + 24		/* h_cs */
	movw	%ss, %ax
	movl	%eax, rec + 28		/* h_ss */
	leal	8(%esp), %eax
	movl	%eax, rec + 32		/* h_esp: the frame */
	popl	%eax
	ret

/* Ring-3 code (copied into the user window with the rest of .user_text):
 * each works on the address in user_arg, found relative to itself. */
	.section .user_text, "ax"
	.globl user_arg, user_read_arg, user_write_arg, user_jump_arg
	.align 4
user_arg:
	.long	0

user_read_arg:
	call	1f
1:	popl	%ecx
	movl	user_arg - 1b(%ecx), %ecx
	movl	(%ecx), %eax
	ret

user_write_arg:
	call	1f
1:	popl	%ecx
	movl	user_arg - 1b(%ecx), %ecx
	movl	$0x0bad0bad, (%ecx)
	ret

user_jump_arg:
	call	1f
1:	popl	%ecx
	jmp	*user_arg - 1b(%ecx)
