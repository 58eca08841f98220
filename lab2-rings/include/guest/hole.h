/*
 * The VMM hole as a guest sees it (lab 2 test library): where the
 * documented read-only trampoline is, found through the unprivileged
 * instructions sidt, sgdt and str, and probes of single addresses.
 */
#ifndef GUEST_HOLE_H
#define GUEST_HOLE_H

#include <stdint.h>
#include <guest/traps.h>

#define HOLE_START_VA  0xF0000000u
#define GDT_AREA       0xF0400000u /* GDT pages 0..13 guest, 14 VMM */
#define GDT_AREA_PAGES 15

/* The trampoline pages a guest may see (memlayout.h, tramp.S). */
struct tramp {
	uint32_t text_first, text_last; /* pages of the entry code */
	uint32_t idt;			/* page of the IDT (and the TSS) */
	uint32_t tss;			/* address of the TSS */
	uint32_t stack;			/* page of the entry stack */
};
void tramp_find(struct tramp *t);

/* Whether page va (page aligned) is one of the documented trampoline
 * pages: 2 if writable (the entry stack), 1 if read-only, 0 if not. */
int tramp_page(const struct tramp *t, uint32_t va);

/* Reads / writes the word at va in ring 1 (writes back the value that is
 * there, if it can be read). Returns 0 if it worked, else fills *f. */
int probe_read(uint32_t va, struct fault *f);
int probe_write(uint32_t va, struct fault *f);

#endif
