/*
 * The guest kernel's platform interface: every privileged operation the
 * guest kernel needs goes through these few functions, never through an
 * instruction or a hypercall spelled out elsewhere (like Linux's
 * paravirt_ops). Today the only implementation is the Xen-style one
 * (platform_pv.c); a native one can be added without touching the rest of
 * the kernel.
 *
 * Lab 2 adds what a kernel with user processes needs: its trap table,
 * the stack an entry from ring 3 lands on, the address of a page fault,
 * and the segment selectors of the kernel and of user programs. Lab 3's
 * page tables have an interface of their own, beside this one
 * (guest/platform_mm.h).
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
