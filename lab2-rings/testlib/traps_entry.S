/*
 * The test library's exception entry points, setjmp/longjmp, and the way
 * into ring 3. Every handler of the test's trap table is a stub here that
 * pushes its vector (and a zero error code where the CPU pushes none) and
 * calls test_trap(frame), which never returns: it jumps back into
 * exec_fault or exec_user.
 */
#include <public/xen.h>

#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17)

	.altmacro
.macro trap_stub v
	.globl trap_stub_\v
trap_stub_\v:
	.if (HAS_ERROR(\v)) == 0
	pushl	$0
	.endif
	pushl	$\v
	jmp	trap_common
.endm

	.text
	.set	v, 0
	.rept	32
	trap_stub %v
	.set	v, v + 1
	.endr
	trap_stub 240			/* USER_DONE_VECTOR, 0xF0 */

/* Stack: vector, error, eip, cs, eflags [, esp, ss]. Back in ring 1 with
 * our own data segments. */
trap_common:
	movl	$FLAT_RING1_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	pushl	%esp
	call	test_trap
	ud2

/* int test_setjmp(struct jmp *j): 0 now, 1 when test_longjmp(j) comes. */
	.globl test_setjmp, test_longjmp
test_setjmp:
	movl	4(%esp), %eax
	movl	%ebx, 0(%eax)
	movl	%esi, 4(%eax)
	movl	%edi, 8(%eax)
	movl	%ebp, 12(%eax)
	leal	4(%esp), %ecx		/* esp after our return */
	movl	%ecx, 16(%eax)
	movl	(%esp), %ecx		/* our return address */
	movl	%ecx, 20(%eax)
	xorl	%eax, %eax
	ret

/* void test_longjmp(struct jmp *j): returns 1 from its test_setjmp. */
test_longjmp:
	movl	4(%esp), %eax
	movl	0(%eax), %ebx
	movl	4(%eax), %esi
	movl	8(%eax), %edi
	movl	12(%eax), %ebp
	movl	16(%eax), %esp
	movl	$1, %ecx
	pushl	20(%eax)
	movl	%ecx, %eax
	ret

/* void enter_user(uint32_t eip, uint32_t esp): iret into ring 3. */
	.globl enter_user
enter_user:
	movl	4(%esp), %ecx
	movl	8(%esp), %edx
	movl	$FLAT_RING3_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	pushl	$FLAT_RING3_SS
	pushl	%edx
	pushl	$0x202			/* IF, as everywhere in the guest */
	pushl	$FLAT_RING3_CS
	pushl	%ecx
	iret

/* In the user window: where user code returns to. */
	.section .user_text, "ax"
	.globl user_done
user_done:
	int	$0xF0
	ud2
