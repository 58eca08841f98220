/*
 * Every way into the kernel, and out again.
 *
 * An exception from user mode (bounced by the VMM) or a system call
 * (int $0x80, straight through the fast gate) arrives on the kernel stack
 * of the running process (stack_switch) with ss, esp, eflags, cs, eip
 * and, for some exceptions, an error code pushed. Each stub below makes
 * the frame uniform (an error code of 0 where there is none, then the
 * vector) and alltraps saves the rest: the result is a struct trapframe
 * (kernel.h), which trap() gets a pointer to. trapret undoes it all.
 */
/* FAST_TRAP_VECTOR of public/arch-x86_32.h, which is C only. */
#define FAST_TRAP_VECTOR 0x80

#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17)

	.altmacro
.macro stub v
trap_stub_\v:
	.if (HAS_ERROR(\v)) == 0
	pushl	$0
	.endif
	pushl	$\v
	jmp	alltraps
.endm

.macro stub_address v
	.long	trap_stub_\v
.endm

	.text
	.set	v, 0
	.rept	20
	stub	%v
	.set	v, v + 1
	.endr

	.globl syscall_entry
syscall_entry:
	pushl	$0
	pushl	$FAST_TRAP_VECTOR
	jmp	alltraps

alltraps:
	pushl	%ds
	pushl	%es
	pushl	%fs
	pushl	%gs
	pushal
	movl	%ss, %eax		/* the kernel's data segment: the stack */
	movl	%eax, %ds		/* we are on is always the kernel's */
	movl	%eax, %es
	pushl	%esp			/* trap(tf) */
	call	trap
	addl	$4, %esp
	/* fall through */

/* Returns to where the trapframe at %esp says: also how a new process
 * starts (proc_create makes its first frame). */
	.globl trapret
trapret:
	popal
	popl	%gs
	popl	%fs
	popl	%es
	popl	%ds
	addl	$8, %esp		/* the vector and the error code */
	iret

/*
 * void swtch(struct context **save, struct context *to): saves the
 * callee-saved registers on this stack, stores the stack pointer in
 * *save, and continues on the stack of `to`, whose swtch (or first frame,
 * for a new process) it returns from.
 */
	.globl swtch
swtch:
	movl	4(%esp), %eax
	movl	8(%esp), %edx
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	movl	%esp, (%eax)
	movl	%edx, %esp
	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret

/* The handlers of exceptions 0..19, for the trap table (trap.c). */
	.section .rodata
	.globl trap_stubs
	.align 4
trap_stubs:
	.set	v, 0
	.rept	20
	stub_address %v
	.set	v, v + 1
	.endr
