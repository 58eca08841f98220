/* Minimal handlers for the lab 2 benchmarks: each returns at once. */
#include <public/xen.h>

	.text
	.globl bench_iret, bench_skip_gp
/* A system call or int3: nothing to do; return where it came from. */
bench_iret:
	iret

/* #GP of a one-byte privileged instruction in ring 3: step over it. */
bench_skip_gp:
	addl	$4, %esp		/* the error code */
	incl	(%esp)			/* eip: past the instruction */
	iret

	.section .user_text, "ax"
	.globl user_int80_x1000, user_cli_x1000, user_empty
/* 1000 system calls from ring 3. */
user_int80_x1000:
	movl	$1000, %ecx
1:	int	$0x80
	loop	1b
	ret

/* 1000 privileged instructions from ring 3. */
user_cli_x1000:
	movl	$1000, %ecx
1:	cli
	loop	1b
	ret

user_empty:
	ret

	.text
	.globl kernel_int3_x1000, kernel_empty_x1000
/* 1000 breakpoints in ring 1, and the same loop without them. */
kernel_int3_x1000:
	movl	$1000, %ecx
1:	int3
	loop	1b
	ret

kernel_empty_x1000:
	movl	$1000, %ecx
1:	loop	1b
	ret
