/*
 * The guest kernel's memory (lab 3): every process has its own address
 * space, an L2 table of its own whose kernel half is the same in all of
 * them (the builder's L1s), so the kernel is mapped wherever it runs.
 *
 *   4 GiB      +------------------------------+
 *              | the VMM's hole               | L2 slots 960..1023: the
 *   0xF0000000 +------------------------------+ VMM fills them
 *              | shared info (past memory)    |
 *              | all memory: KERNBASE + pfn*4K| supervisor-only, the same
 *   0xC0000000 +------------------------------+ L1s in every L2
 *              | user stack, grows down       | demand-zero, at most
 *              |                              | USER_STACK_MAX
 *              +------------------------------+
 *              |             unmapped         |
 *              +------------------------------+ brk, at most USER_HEAP_MAX
 *              | heap (sbrk)                  | demand-zero
 *              +------------------------------+ the image's end, rounded up
 *              | program: text, rodata        | read-only
 *              |          data, bss           | writable
 *   0x08000000 +------------------------------+ USER_BASE: every program is
 *              | unmapped (null pointers)     | linked here (user.mk)
 *   0          +------------------------------+
 *
 * The user half (below KERNBASE) of each L2 is private: its L1s and
 * pages belong to the process, pages shared copy-on-write after a fork.
 */
#ifndef MEMLAYOUT_H
#define MEMLAYOUT_H

#include <stdint.h>
#include <arch/mmu.h>
#include <lib/compiler.h>
#include <public/layout.h>

#define KERNBASE       KIT_KERNEL_BASE
#define USER_BASE      0x08000000u /* guest/user/user.mk: USER_BASE */
#define USER_TOP       KERNBASE
#define USER_STACK_TOP USER_TOP
#define USER_STACK_MAX 0x100000u /* 1 MiB */
/* The heap stops a guard page short of the stack's lowest page. */
#define USER_HEAP_MAX (USER_STACK_TOP - USER_STACK_MAX - PAGE_SIZE)

#define PAGE_UP(a)   ALIGN_UP((uint32_t)(a), PAGE_SIZE)
#define PAGE_DOWN(a) ALIGN_DOWN((uint32_t)(a), PAGE_SIZE)

static inline void *pfn_to_kva(uint32_t pfn)
{
	return (void *)(KERNBASE + pfn * PAGE_SIZE);
}

static inline uint32_t kva_to_pfn(const void *va)
{
	return ((uint32_t)va - KERNBASE) / PAGE_SIZE;
}

#endif
