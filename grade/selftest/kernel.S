/*
 * Tiny Multiboot kernels that misbehave on purpose, to prove each verdict
 * of the grader (grade/selftest.sh). BEHAVIOR selects one:
 *   1 pass    prints a SUCCESS result line, powers off cleanly
 *   2 fail    prints a failed check, more lines and a FAILURE result
 *             line, powers off cleanly
 *   3 hang    prints a line, then spins forever
 *   4 triple  prints a line and a VMM-style backtrace, then
 *             triple-faults (a machine reset)
 *   5 flood   prints without end
 *   6 late    prints a SUCCESS result line, then triple-faults
 *   7 silent  prints a line, powers off cleanly without a result line
 *   8 nulls   prints NUL bytes without end (no newline ever)
 */
#define COM1 0x3f8

	.section .multiboot, "a"
	.align 4
	.long 0x1BADB002, 0, -0x1BADB002

	.text
	.globl _start
_start:
	cli
	movl	$stack_top, %esp
#if BEHAVIOR == 1 || BEHAVIOR == 6
	movl	$success, %esi
	call	puts
#elif BEHAVIOR == 2
	movl	$failure, %esi
	call	puts
#elif BEHAVIOR == 3 || BEHAVIOR == 4 || BEHAVIOR == 7
	movl	$hello, %esi
	call	puts
#endif
#if BEHAVIOR == 4
	movl	$backtrace, %esi
	call	puts
#endif
#if BEHAVIOR == 5
1:	movl	$hello, %esi
	call	puts
	jmp	1b
#endif
#if BEHAVIOR == 8
	movw	$COM1, %dx
	xorb	%al, %al
6:	outb	%al, %dx
	jmp	6b
#endif
#if BEHAVIOR == 3
2:	jmp	2b
#elif BEHAVIOR == 4 || BEHAVIOR == 6
	lidt	null_idt		/* no IDT: the next fault resets */
	int3
#endif
	movw	$0xf4, %dx		/* isa-debug-exit: QEMU exits 33 */
	movb	$0x10, %al		/* like the VMM's clean power-off */
	outb	%al, %dx
3:	hlt
	jmp	3b

/* Writes the NUL-terminated string at %esi to COM1. */
puts:
	movw	$COM1, %dx
4:	lodsb
	testb	%al, %al
	jz	5f
	outb	%al, %dx
	jmp	4b
5:	ret

	.data
success: .asciz "(d0) Test result: SUCCESS\n"
failure: .ascii "(d0) FAILURE: check failed: x == 1 (selftest.c:1)\n"
	.ascii "(d0) the test goes on after a failed check, and then\n"
	.ascii "(VMM) a summary line\n"
	.ascii "(VMM) another summary line\n"
	.asciz "(d0) Test result: FAILURE\n"
hello:	.asciz "(d0) a line of output from the self-test kernel\n"
backtrace: .ascii "(VMM) backtrace:\n"
	.ascii "(VMM)   [f8102aef] selftest_leaf+0xf\n"
	.asciz "(VMM)   [f8102b1b] selftest_middle+0xb\n"
null_idt: .word 0
	.long 0
	.bss
	.space 4096
stack_top:
