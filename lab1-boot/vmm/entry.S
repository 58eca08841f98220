/*
 * Multiboot entry. QEMU's loader jumps here in 32-bit protected mode,
 * paging off, with %eax = multiboot magic and %ebx = physical address of
 * the multiboot info. The VMM is linked in the direct map (at
 * DIRECTMAP_BASE + 1 MiB) but runs at 1 MiB until paging is on, so this
 * code uses physical addresses (RELOC) until the jump to `high`.
 */
#include <vmm/memlayout.h>
#include <arch/mmu.h>
#include <lib/multiboot.h>

#define RELOC(x)	((x) - DIRECTMAP_BASE)
#define MB_FLAGS	0x3	/* modules page aligned; memory info */

	.section .multiboot, "a"
	.align 4
	.long MULTIBOOT_HEADER_MAGIC
	.long MB_FLAGS
	.long -(MULTIBOOT_HEADER_MAGIC + MB_FLAGS)

	.text
	.globl _start
	_start = RELOC(entry)	/* the ELF entry point is physical */
entry:
	movl	%eax, %edi		/* keep the magic */
	rdtsc				/* for the boot benchmark */
	movl	%eax, RELOC(boot_tsc)
	movl	%edx, RELOC(boot_tsc) + 4
	movl	%edi, %eax
	cli
	cld
	/* Boot page directory = vmm_pgdir: identity-map the first 4 MiB (to
	 * survive turning paging on) and map machine memory at
	 * DIRECTMAP_BASE, both with 4 MiB pages. paging_init() later
	 * removes the identity entry. */
	movl	$RELOC(vmm_pgdir), %edi
	movl	$(PTE_P | PTE_W | PTE_PS), (%edi)
	movl	$(PTE_P | PTE_W | PTE_PS), %edx
	movl	$L2_SLOT_DIRECTMAP, %ecx
1:	movl	%edx, (%edi, %ecx, 4)
	addl	$(1 << PDE_SHIFT), %edx
	incl	%ecx
	cmpl	$1024, %ecx
	jb	1b

	movl	%cr4, %ecx
	orl	$CR4_PSE, %ecx
	movl	%ecx, %cr4
	movl	%edi, %cr3
	movl	%cr0, %ecx
	orl	$(CR0_PG | CR0_WP), %ecx
	movl	%ecx, %cr0
	movl	$high, %ecx
	jmp	*%ecx

high:
	movl	$boot_stack_top, %esp
	xorl	%ebp, %ebp		/* ends every backtrace */
	pushl	%ebx			/* multiboot info (physical) */
	pushl	%eax			/* multiboot magic */
	call	start_vmm
2:	hlt
	jmp	2b

	.equ	L2_SLOT_DIRECTMAP, (DIRECTMAP_BASE >> PDE_SHIFT)

	.data
	.align 8
	.globl boot_tsc
boot_tsc:				/* the tsc at the first instruction */
	.quad	0

	.bss
	.align 16
	.globl boot_stack, boot_stack_top
boot_stack:
	.space	16384
boot_stack_top:
