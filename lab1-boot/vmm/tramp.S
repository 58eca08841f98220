/*
 * The trampoline: the only VMM code and data a guest address space maps
 * (read-only, except the entry stack). Every interrupt and exception
 * enters here through its vector stub.
 *
 * Entry from a guest (ring 1 or 3): the CPU switches to the entry stack
 * (tss.esp0) and pushes ss, esp, eflags, cs, eip [, error]. The stub and
 * entry_common complete a struct cpu_regs there, switch to the VMM's page
 * directory, copy the frame to the top of the current vCPU's VMM stack and
 * call trap(), which ends in resume_guest(). The entry stack therefore only
 * ever holds the frame of the guest that is entering or leaving: every
 * entry and every exit writes the same REGS_SIZE bytes, so nothing of
 * another domain is left there to read.
 *
 * Entry from the VMM itself (ring 0), on a VMM stack: no stack or
 * address-space switch; trap() handles it on the current stack and we
 * return with iret. Entry from ring 0 *on the entry stack*: a fault on
 * the return path (resume_guest, after its switch to the entry stack; the
 * guest's segments or iret frame are unusable). The crashed frame and the
 * fault's own words are moved to the current vCPU's VMM stack, the entry
 * stack is wiped, and trap() (exit_fault) ends that domain there: no C
 * code ever runs on the entry stack, so nothing of the VMM or of the
 * crashed domain is left on it for the next guest to read.
 */
#include <vmm/regs.h>
#include <vmm/segments.h>

#define ENTRY_STACK_SIZE 4096 /* one page, mapped in every guest */

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
		      (v) == 21 || (v) == 29 || (v) == 30)

	.altmacro
.macro vector_stub v
	.align 8
stub_\v:
	.if (HAS_ERROR(\v)) == 0
	pushl	$0
	.endif
	pushl	$\v
	jmp	entry_common
	.pushsection .rodata
	.long	stub_\v
	.popsection
.endm

	.pushsection .rodata
	.align 4
	.globl vector_stubs
vector_stubs:
	.popsection

	.section .tramp.text, "ax"
	.set	v, 0
	.rept	256
	vector_stub %v
	.set	v, v + 1
	.endr

entry_common:
	pushl	%ds
	pushl	%es
	pushl	%fs
	pushl	%gs
	pushal
	movl	$VMM_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	cld
	testl	$3, REGS_CS(%esp)
	jz	from_vmm

	/* From a guest: leave its address space and the entry stack. */
	movl	tramp_vmm_cr3, %eax
	movl	%eax, %cr3
	movl	%esp, %esi
	movl	tramp_vmm_stack_top, %edi
	subl	$REGS_SIZE, %edi
	movl	%edi, %esp
	movl	$(REGS_SIZE / 4), %ecx
	rep movsl
	xorl	%ebp, %ebp		/* backtraces stop at the guest */
	pushl	%esp
	call	trap			/* ends in resume_guest() */
	ud2

from_vmm:
	/* A fault in resume_guest after its switch to the guest's address space
	 * (trap() destroys that guest): get the VMM's address space back. */
	movl	%cr3, %eax
	cmpl	tramp_vmm_cr3, %eax
	je	1f
	movl	tramp_vmm_cr3, %eax
	movl	%eax, %cr3
1:	/* On the entry stack: a fault on the return path (see above). */
	cmpl	$entry_stack, %esp
	jb	2f
	cmpl	$entry_stack_top, %esp
	jb	exit_fault_entry
2:	pushl	%esp
	call	trap
	addl	$4, %esp
	popal
	popl	%gs
	popl	%fs
	popl	%es
	popl	%ds
	addl	$8, %esp		/* vector, error */
	iret

/*
 * A fault on the return path: we are in the VMM's address space, on the
 * entry stack, with the fault's struct cpu_regs at %esp (no esp and ss:
 * the copy takes 8 bytes more, still on the entry stack). Copy it to the
 * top of the current vCPU's VMM stack (the crashed guest's saved frame is
 * dead: resume_guest has left it), zero the whole entry stack, and let
 * trap() end the domain from there; it never returns (exit_fault).
 */
exit_fault_entry:
	movl	%esp, %esi
	movl	tramp_vmm_stack_top, %edi
	subl	$REGS_SIZE, %edi
	movl	%edi, %ebx
	movl	$(REGS_SIZE / 4), %ecx
	rep movsl
	movl	$entry_stack, %edi
	movl	$(ENTRY_STACK_SIZE / 4), %ecx
	xorl	%eax, %eax
	rep stosl
	movl	%ebx, %esp
	xorl	%ebp, %ebp		/* backtraces stop here */
	pushl	%esp
	call	trap			/* exit_fault: ends the domain */
	ud2

/*
 * void resume_guest(struct cpu_regs *regs, uint32_t cr3): enters the
 * guest whose frame is at regs (on a VMM stack) in the address space cr3.
 * Copies the frame to the entry stack, which the guest's address space
 * maps too, switches address space, restores and irets.
 */
	.globl resume_guest
resume_guest:
	cli
	movl	4(%esp), %esi
	movl	8(%esp), %edx
	movl	$(entry_stack_top - REGS_SIZE), %edi
	movl	$(REGS_SIZE / 4), %ecx
	cld
	rep movsl
	movl	$(entry_stack_top - REGS_SIZE), %esp
	movl	%edx, %cr3
	.globl resume_fixup_start, resume_fixup_end
resume_fixup_start:			/* a fault from here on is the guest's */
	popal
	popl	%gs
	popl	%fs
	popl	%es
	popl	%ds
	addl	$8, %esp
	iret
resume_fixup_end:

/* Read-only to guests: the IDT, the TSS and what the entry path needs. */
	.section .tramp.page, "aw"
	.align 4096
	.globl idt, tss, tramp_vmm_cr3, tramp_vmm_stack_top
idt:
	.space	256 * 8
tss:
	.space	104
	.align 4
tramp_vmm_cr3:		/* machine address of vmm_pgdir */
	.long	0
tramp_vmm_stack_top:	/* top of the current vCPU's VMM stack */
	.long	0

/* The entry stack: the CPU pushes here on an entry from a guest. */
	.section .tramp.stack, "aw"
	.align 4096
	.globl entry_stack, entry_stack_top
entry_stack:
	.space	ENTRY_STACK_SIZE
entry_stack_top:
