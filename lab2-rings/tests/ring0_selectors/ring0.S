/* Ways from ring 1 towards the VMM's ring-0 selectors; each must #GP. */
#include <public/xen.h>

	.text
	.globl ld_ds, ld_es, ld_fs, ld_gs, ld_ss, far_jmp, far_call
	.globl far_ret, iret_ring0, iret_vmm_ss

/* void ld_xx(void *sel): loads the selector into the register. */
.macro ld seg
ld_\seg:
	movl	4(%esp), %eax
	movl	%eax, %\seg
	ret
.endm
	ld	ds
	ld	es
	ld	fs
	ld	gs
	ld	ss

far_jmp:
	ljmp	$0xe008, $0
far_call:
	lcall	$0xe008, $0

/* lret and iret to cs 0xe008, at our own next instruction. */
far_ret:
	pushl	$0xe008
	pushl	$1f
	lret
1:	ret

iret_ring0:
	pushfl
	pushl	$0xe008
	pushl	$1f
	iret
1:	ret

/* iret out to ring 3 (which pops ss:esp too) with the VMM's data
 * segment as ss: the CPU refuses the DPL-0 stack before leaving. */
iret_vmm_ss:
	movl	%esp, %ecx
	pushl	$0xe013
	pushl	%ecx
	pushfl
	pushl	$FLAT_RING3_CS
	pushl	$0
	iret
