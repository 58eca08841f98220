/*
 * The benchmark's page-fault handler, as small as a real one: map the
 * page back (update_va_mapping(pf_va, pf_pte, 0, 0)) and return to the
 * instruction that faulted. Stack: error code, eip, cs, eflags.
 */
#include <public/xen.h>

	.text
	.globl pf_map_back
pf_map_back:
	pushl	%eax
	pushl	%ebx
	pushl	%ecx
	pushl	%edx
	pushl	%esi
	movl	$__HYPERVISOR_update_va_mapping, %eax
	movl	pf_va, %ebx
	movl	pf_pte, %ecx
	xorl	%edx, %edx
	xorl	%esi, %esi
	int	$0x82
	popl	%esi
	popl	%edx
	popl	%ecx
	popl	%ebx
	popl	%eax
	addl	$4, %esp		/* the error code */
	iret

	.data
	.globl pf_va, pf_pte
	.align 4
pf_va:
	.long	0
pf_pte:
	.long	0
