/*
 * The trampoline: the only VMM code and data a guest address space maps
 * (read-only, except the entry stack). Every interrupt and exception
 * enters here through its vector stub.
 *
 * Entry from a guest (ring 1 or 3): the CPU switches to the entry stack
 * (tss.esp0) and pushes ss, esp, eflags, cs, eip [, error]; the stub
 * pushes the vector [and an error of 0], and guest_entry stores the
 * guest's eax (the one register it needs free). Those eight words are
 * all an entry writes on the entry stack, each at its offset in a struct
 * cpu_regs that ends at entry_stack_top (ESTACK below). guest_entry then
 * switches to the VMM's page directory and builds the whole struct
 * cpu_regs at the top of the current vCPU's VMM stack by pushing: the
 * seven words of the CPU and the stub from the entry stack, the other
 * registers straight from the CPU. No frame is copied whole.
 *
 * It calls hypercall_trap() for int $0x82 and trap() for every other
 * vector; both end in resume_guest(), which loads the guest's general
 * registers from that frame and moves the rest of it, the top twelve
 * words from eax up, to the same place on the entry stack: the guest's
 * data segments can only be loaded in the guest's address space (its
 * GDT is mapped there), so after the switch, from the entry stack. So
 * the entry stack only ever holds words of the guest that is entering or
 * leaving: nothing of another domain is left there to read.
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
#include <public/xen.h>
#include <vmm/regs.h>
#include <vmm/segments.h>

#define ENTRY_STACK_SIZE 4096 /* one page, mapped in every guest */

/* Where a register lies on the entry stack: at its offset in a struct
 * cpu_regs that ends at entry_stack_top. */
#define ESTACK(field) (entry_stack_top - REGS_SIZE + REGS_##field)

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
	.if (\v) == HYPERCALL_VECTOR
	jmp	hypercall_entry
	.else
	jmp	entry_common
	.endif
	.pushsection .rodata
	.long	stub_\v
	.popsection
.endm

/* The VMM's data segments, and a clear direction flag for its C code. */
.macro load_vmm_segments
	movl	$VMM_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	cld
.endm

/*
 * An entry from a guest, with the stub's words on the entry stack and
 * the guest's registers in the CPU: builds the frame on the VMM stack (see
 * above) and calls handler(frame), which never returns. Until the segment
 * registers are the VMM's, every memory operand names %ss (the VMM's flat
 * data segment, loaded by the CPU from the TSS): the guest's %ds may have
 * any base.
 */
.macro guest_entry handler
	movl	%eax, %ss:ESTACK(EAX)
	movl	%ss:tramp_vmm_cr3, %eax
	movl	%eax, %cr3
	movl	%ss:tramp_vmm_stack_top, %esp
	pushl	%ss:ESTACK(SS)
	pushl	%ss:ESTACK(ESP)
	pushl	%ss:ESTACK(EFLAGS)
	pushl	%ss:ESTACK(CS)
	pushl	%ss:ESTACK(EIP)
	pushl	%ss:ESTACK(ERROR)
	pushl	%ss:ESTACK(VECTOR)
	pushl	%ds
	pushl	%es
	pushl	%fs
	pushl	%gs
	movl	%ss:ESTACK(EAX), %eax
	pushal
	load_vmm_segments
	xorl	%ebp, %ebp		/* backtraces stop at the guest */
	pushl	%esp
	call	\handler		/* ends in resume_guest() */
	ud2
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

/* The stub's words are on the stack: vector, error, eip, cs, ... */
entry_common:
	testl	$3, 12(%esp)		/* cs: from a guest? */
	jz	from_vmm
	guest_entry trap

/* int $0x82 (the gate's DPL 1 lets only ring 1 and the VMM use it). */
hypercall_entry:
	testl	$3, 12(%esp)
	jz	from_vmm
	guest_entry hypercall_trap

from_vmm:
	pushl	%ds
	pushl	%es
	pushl	%fs
	pushl	%gs
	pushal
	load_vmm_segments
	/* A fault of resume_guest's iret, after its switch to the guest's
	 * address space (trap() destroys that guest): get the VMM's address
	 * space back. */
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
 * Loads the guest's general registers but eax from the frame, and moves
 * the rest of it (eax and the eleven words above it) to the entry stack,
 * which the guest's address space maps too; switches address space and
 * loads those from there, and irets. cr3 waits in tramp_guest_cr3 while
 * every register holds the guest's. The frame is left on the VMM stack
 * (its guest enters again, and so writes it anew, before anything reads
 * it).
 */
	.globl resume_guest
resume_guest:
	cli
	movl	8(%esp), %eax
	movl	%eax, tramp_guest_cr3
	movl	4(%esp), %esp
	popal
	movl	%eax, ESTACK(EAX)
	popl	ESTACK(GS)
	popl	ESTACK(FS)
	popl	ESTACK(ES)
	popl	ESTACK(DS)
	popl	ESTACK(VECTOR)
	popl	ESTACK(ERROR)
	popl	ESTACK(EIP)
	popl	ESTACK(CS)
	popl	ESTACK(EFLAGS)
	popl	ESTACK(ESP)
	popl	ESTACK(SS)
	movl	tramp_guest_cr3, %eax
	movl	$ESTACK(EAX), %esp
	movl	%eax, %cr3
	.globl resume_fixup_start, resume_fixup_end
resume_fixup_start:			/* a fault from here on is the guest's */
	popl	%eax
	popl	%gs
	popl	%fs
	popl	%es
	popl	%ds
	addl	$8, %esp		/* vector, error */
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
tramp_guest_cr3:	/* resume_guest's cr3: the guest's own L2 */
	.long	0

/* The entry stack: the CPU pushes here on an entry from a guest. */
	.section .tramp.stack, "aw"
	.align 4096
	.globl entry_stack, entry_stack_top
entry_stack:
	.space	ENTRY_STACK_SIZE
entry_stack_top:
