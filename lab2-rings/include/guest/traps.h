/*
 * Exceptions as first-class test results (lab 2 test library, after
 * XTF): run a piece of code, get back whether and how it faulted. The
 * test's trap table is installed on first use, so a test that uses none
 * of this behaves as in lab 1 (an exception ends the domain).
 */
#ifndef GUEST_TRAPS_H
#define GUEST_TRAPS_H

#include <stdint.h>
#include <guest/hypercall_rings.h>
#include <public/arch-x86_32.h>
#include <public/shared_info.h>

/* What an exception left behind. */
struct fault {
	uint32_t vector; /* exception or int n vector */
	uint32_t error;	 /* error code, 0 if the vector has none */
	uint32_t eip;	 /* where it happened (the return address for int n) */
	uint32_t cs;	 /* its code selector: the ring is cs & 3 */
	uint32_t cr2;	 /* for #PF: the faulting address (shared info) */
};

/* Vectors of the test's trap table, besides the exceptions 0..31. */
#define USER_DONE_VECTOR 0xF0 /* exec_user: the user code returned */

/* Code that runs in ring 3 through exec_user: copied into the user window,
 * so it must not depend on its address (no globals, no calls). */
#define __user_text __attribute__((section(".user_text"), noinline, used))

/* Runs fn(arg) in ring 1. Returns 1 and fills *f if it raised an
 * exception (fn is then cut short where it faulted), else 0. */
int exec_fault(void (*fn)(void *), void *arg, struct fault *f);

/* Runs fn in ring 3, on a stack in the user window. Returns 1 and fills
 * *f if it raised an exception or an int n, 0 if it returned. */
int exec_user(void (*fn)(void), struct fault *f);

/* Sets the handler of `vector` in the test's trap table (and installs the
 * table): DPL `dpl`, flags TI_IF if `mask`. The handler is an ordinary
 * ring-1 entry point that ends with iret. */
long trap_set(uint8_t vector, int dpl, int mask, void (*handler)(void));

/* The shared-info page, as the builder maps it (public/layout.h). */
struct shared_info *shared_info(void);

#endif
