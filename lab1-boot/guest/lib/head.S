/*
 * First instructions of every guest. The VMM starts us in ring 1 with
 * %esi = start-info page and %esp at the top of a boot-stack page. We
 * note the time and the stack we were given, move to our own larger stack
 * and call guest_main().
 */
	.section .text.head, "ax"
	.globl _start
_start:
	rdtsc				/* first instruction: for the boot bench */
	movl	%eax, first_tsc
	movl	%edx, first_tsc + 4
	movl	%esp, boot_esp
	movl	%esi, start_info
	movl	$stack_top, %esp
	xorl	%ebp, %ebp
	call	guest_main
	pushl	$3			/* SHUTDOWN_crash: guest_main returned */
	call	guest_exit

	.bss
	.align 16
	.space	16384
stack_top:
	.globl first_tsc, boot_esp, start_info
	.align 8
first_tsc:
	.space	8
boot_esp:
	.space	4
start_info:
	.space	4
