/*
 * Handlers that record what they were given and return (lab 2 test
 * library), for software interrupts and system calls, which return past
 * the int n, and for faults a test wants to step over; ring-3 code that
 * works on an address chosen at run time; a way into ring 3 without the
 * test library's trap table and kernel stack.
 */
#ifndef GUEST_HANDLERS_H
#define GUEST_HANDLERS_H

#include <stdint.h>
#include <lib/compiler.h>
#include <guest/traps.h>

/* What the last rec_iret or rec_skip2 saw. */
struct rec {
	uint32_t count;		    /* calls so far */
	uint32_t eip, cs, eflags;   /* the frame it was given */
	uint32_t esp, ss;	    /* ... from ring 3 only */
	uint32_t h_cs, h_ss, h_esp; /* where it ran: its cs and ss, and */
	uint32_t h_eflags;	    /* the frame's address; its eflags */
};
extern volatile struct rec rec;

/* A handler (trap_set, set_trap_table) that records its frame in rec and
 * returns with iret: for int n and traps, which return past themselves. */
void rec_iret(void);

/* The same for a fault without error code raised by a two-byte
 * instruction (ud2): returns past it. */
void rec_skip2(void);

/* A second such handler, which only counts its calls in alt_count: a
 * test tells which of the two a trap table holds. */
void alt_skip2(void);
extern volatile uint32_t alt_count;

/* Ring-3 code (__user_text) on the address given to exec_user_at: read
 * it, write 0x0bad0bad there, jump there. */
void user_read_arg(void);
void user_write_arg(void);
void user_jump_arg(void);

/* exec_user(fn, f) with fn's address argument set to arg. */
int exec_user_at(void (*fn)(void), uint32_t arg, struct fault *f);

/* The address in the user window where __user_text code or data p is. */
uint32_t user_addr(const void *p);

/* Where the copy of __user_text data p in the user window is, for the
 * guest kernel (which sees the window's frames at their kernel address). */
void *user_data(const void *p);

/* Copies the __user_text code into the user window and enters fn in
 * ring 3, with its stack at the top of the window; never returns. Unlike
 * exec_user, it installs neither a trap table nor a kernel stack. */
__noreturn void user_enter_raw(void (*fn)(void));

#endif
