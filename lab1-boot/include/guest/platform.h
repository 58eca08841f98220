/*
 * The guest kernel's platform interface: every privileged operation the
 * guest kernel needs goes through these few functions, never through an
 * instruction or a hypercall spelled out elsewhere (like Linux's
 * paravirt_ops). Today the only implementation is the Xen-style one
 * (platform_pv.c); a native one can be added without touching the rest of
 * the kernel. Later labs add operations (trap table, page tables, timer).
 */
#ifndef GUEST_PLATFORM_H
#define GUEST_PLATFORM_H

#include <lib/compiler.h>
#include <public/xen.h>

struct platform_ops {
	const char *name;
	/* Writes len bytes to the console. */
	void (*console_write)(const char *s, unsigned len);
	/* Stops this guest for good (SHUTDOWN_* reason). */
	void (*shutdown)(unsigned reason) __noreturn;
};

extern const struct platform_ops *platform;

/* Set by head.S: the start-info page, the tsc at the first instruction
 * and the stack pointer the VMM gave. */
extern struct start_info *start_info;
extern uint64_t first_tsc;
extern uint32_t boot_esp;

#endif
