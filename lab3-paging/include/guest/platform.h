/*
 * The guest kernel's platform interface: every privileged operation the
 * guest kernel needs goes through these few functions, never through an
 * instruction or a hypercall spelled out elsewhere (like Linux's
 * paravirt_ops). Today the only implementation is the Xen-style one
 * (guest/lib/platform_pv.c); a native one can be added without touching
 * the rest of the kernel.
 *
 * Lab 2 added what a kernel with user processes needs: its trap table,
 * the stack an entry from ring 3 lands on, the address of a page fault,
 * and the segment selectors of the kernel and of user programs. Lab 3
 * adds page tables.
 */
#ifndef GUEST_PLATFORM_H
#define GUEST_PLATFORM_H

#include <stdint.h>
#include <lib/compiler.h>
#include <public/arch-x86_32.h>
#include <public/xen.h>

struct platform_ops {
	const char *name;
	/* Writes len bytes to the console. */
	void (*console_write)(const char *s, unsigned len);
	/* Stops this guest for good (SHUTDOWN_* reason). */
	void (*shutdown)(unsigned reason) __noreturn;

	/* Installs the handlers of table, which ends with an entry whose
	 * address is 0; other vectors keep theirs. Returns 0 or -errno. */
	int (*set_trap_table)(const struct trap_info *table);
	/* The kernel stack (its top) that the next entry from user mode
	 * lands on: a trap, an exception or a system call. 0 or -errno. */
	int (*stack_switch)(uint32_t esp);
	/* The address the last page fault was about. */
	uint32_t (*fault_address)(void);

	/*
	 * Page tables (lab 3). Tables, entries and pages are named by their
	 * kernel virtual address (all memory is mapped at KIT_KERNEL_BASE),
	 * frames by their pfn. An entry holds what the MMU reads (on Xen, a
	 * machine frame), so entries are made and read with make_pte and
	 * pte_pfn. The life of an address space:
	 *
	 *   built    the kernel fills an L2 and its L1s in ordinary pages;
	 *   pinned   pin_l2 makes them page tables: from then on the kernel
	 *            only reads them, and changes them with set_pte and
	 *            hook_l1; new_baseptr may make the L2 the current one;
	 *   unpinned unpin_l2 (not while current) gives the pages back as
	 *            ordinary writable memory, their contents unchanged.
	 *
	 * The kernel half of every L2 (KIT_KERNEL_BASE and up) holds the
	 * builder's L1s, shared by all address spaces: pin and unpin leave
	 * them alone. Every call returns 0 or -errno unless it says not.
	 */
	uint32_t (*make_pte)(uint32_t pfn, uint32_t flags); /* PTE_* flags */
	uint32_t (*pte_pfn)(uint32_t pte);		    /* a present one */
	/* Entry *pte of a pinned table becomes val. Queued: it takes effect
	 * at the next flush_ptes, or at any other page-table call. */
	void (*set_pte)(uint32_t *pte, uint32_t val);
	/* Applies the queued set_pte calls, and makes the TLB forget the
	 * entries they changed. */
	int (*flush_ptes)(void);
	/* A new L1 (filled, not in use) becomes entry *l2e of a pinned L2. */
	int (*hook_l1)(uint32_t *l2e, uint32_t *l1);
	int (*pin_l2)(uint32_t *l2);
	int (*unpin_l2)(uint32_t *l2);
	/* The address space of the pinned L2 l2 becomes the current one. */
	int (*new_baseptr)(uint32_t *l2);

	/* Code selector of the kernel's handlers; code and data (also
	 * stack) selectors of user programs. */
	uint16_t kernel_cs, user_cs, user_ds;
};

extern const struct platform_ops *platform;

/* Set by head.S: the start-info page, the tsc at the first instruction
 * and the stack pointer the VMM gave. */
extern struct start_info *start_info;
extern uint64_t first_tsc;
extern uint32_t boot_esp;

#endif
