/*
 * Shared set-up for lab 3's host unit tests (unit/host_lab3.c): a frame
 * table in which the test domain unit_d (id 1) owns frames
 * [UNIT_FIRST, UNIT_FIRST + UNIT_FRAMES), another domain (id 2) owns
 * [UNIT_OTHER, UNIT_OTHER + UNIT_FRAMES), and every other frame is the
 * VMM's (as frame_table_init leaves it); unit_d's shared-info frame is
 * UNIT_SHARED, owned by the VMM. Every one of these frames starts with
 * count 1 (the allocation), FT_NONE, type count 0 and no flags.
 * Page tables are written by hand in the simulated machine (unit_table)
 * and then validated by the code under test.
 */
#ifndef UNIT_UNIT_LAB3_H
#define UNIT_UNIT_LAB3_H

#include <stdint.h>
#include <arch/mmu.h>
#include <vmm/domain.h>
#include <vmm/frame.h>
#include <vmm/memlayout.h>
#include <vmm/mm.h>
#include <vmm/registry.h>
#include "../../lab1-boot/unit/unit.h"

#define UNIT_DOMID  1
#define UNIT_FIRST  256 /* unit_d's frames */
#define UNIT_FRAMES 256
#define UNIT_OTHER  1024 /* domain 2's frames */
#define UNIT_SHARED 64	 /* unit_d's shared-info frame: the VMM's */
#define UNIT_VMM    70	 /* some other frame of the VMM */
#define UNIT_BAD    UNIT_MACHINE_FRAMES /* first mfn past the frame table */

/* The address space unit_space builds: L2 UNIT_L2, whose slot for
 * UNIT_VA is L1 UNIT_L1, whose first entry maps UNIT_DATA writable. */
#define UNIT_L2	  (UNIT_FIRST + 0)
#define UNIT_L1	  (UNIT_FIRST + 1)
#define UNIT_DATA (UNIT_FIRST + 2)
#define UNIT_VA	  0xC0000000u

/* A page-table entry: frame mfn with flags. */
#define PTE(mfn, flags) (((uint32_t)(mfn) << PAGE_SHIFT) | (uint32_t)(flags))
#define RW		(PTE_P | PTE_W)
#define RWU		(PTE_P | PTE_W | PTE_U)

/* The test domain; current is &unit_d.vcpu, with cr3 0 to start with. */
extern struct domain unit_d;

/* (Re)starts from scratch: zeroed machine, the frame table above. */
void unit_lab3_init(void);

/* Frame mfn of the simulated machine as a page table. */
static inline uint32_t *unit_table(mfn_t mfn)
{
	return (uint32_t *)UNIT_PAGE(mfn);
}

/* Writes (does not validate) the address space described at UNIT_L2 and
 * sets unit_d.vcpu.cr3 to it. */
void unit_space(void);

/* Writes frame mfn's count, type, type count and flags (the owner stays)
 * as if the VMM had left them so: a test of one exercise writes by hand
 * the state another exercise's code would leave. */
void unit_set_frame(mfn_t mfn, uint32_t count, int type, uint32_t tc,
		    uint8_t flags);

/* Saves the whole frame table; unit_frames_diff then returns the first
 * mfn whose record differs from the saved one (-1: none), whose saved
 * record is unit_frame_saved(mfn). */
void unit_frames_save(void);
int unit_frames_diff(void);
const struct frame *unit_frame_saved(mfn_t mfn);

/* The hypercall handler registered with HYPERCALL(nr, ...), found in the
 * .tab.hypercall.* sections of the test binary; NULL if there is none. */
hypercall_fn unit_hypercall(unsigned nr);

/* A frame's state, checked exactly. */
#define assert_frame(mfn, cnt, typ, tcnt)                                     \
	do {                                                                  \
		const struct frame *f_ = mfn_to_frame(mfn);                   \
		cr_assert(f_->count == (cnt) && f_->type == (typ) &&          \
				  f_->type_count == (tcnt),                   \
			  "frame %u: count %u type %u type_count %u; wanted " \
			  "%u %u %u",                                         \
			  (unsigned)(mfn), f_->count, f_->type,               \
			  f_->type_count, (unsigned)(cnt), (unsigned)(typ),   \
			  (unsigned)(tcnt));                                  \
	} while (0)

/* Whether FF_VALIDATED is set on frame mfn, checked. */
#define assert_validated(mfn, yes)                                      \
	cr_assert(!(mfn_to_frame(mfn)->flags & FF_VALIDATED) == !(yes), \
		  "frame %u: FF_VALIDATED is %s", (unsigned)(mfn),      \
		  mfn_to_frame(mfn)->flags & FF_VALIDATED ? "set" : "clear")

/* The frame table is exactly as unit_frames_save left it. */
#define assert_frames_unchanged(what)                                       \
	do {                                                                \
		int m_ = unit_frames_diff();                                \
		const struct frame *f_ = mfn_to_frame(m_ < 0 ? 0 : m_);     \
		const struct frame *s_ = unit_frame_saved(m_ < 0 ? 0 : m_); \
		cr_assert(m_ < 0,                                           \
			  "%s: frame %d: count %u type %u type_count %u "   \
			  "flags %#x, was %u %u %u %#x",                    \
			  (what), m_, f_->count, f_->type, f_->type_count,  \
			  f_->flags, s_->count, s_->type, s_->type_count,   \
			  s_->flags);                                       \
	} while (0)

#endif
