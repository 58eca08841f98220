/*
 * void context_switch(uint32_t *save, uint32_t new_esp)
 *
 * Switches VMM stacks: pushes the callee-saved registers, stores esp in
 * *save, loads new_esp and pops the registers saved there, returning on
 * the new stack. A stack prepared by vcpu_init() holds four zero
 * registers and the address of vcpu_first_run.
 */
	.text
	.globl context_switch
context_switch:
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
