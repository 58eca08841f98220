/*
 * The frame table: one record per machine frame (4 KiB of machine memory),
 * indexed by machine frame number. It says who owns each frame and how it
 * is used, so the VMM can refuse a guest that maps what is not its own.
 *
 * Invariants:
 *  - A frame is free iff owner == DOMID_INVALID; then count == 0,
 *    type == FT_NONE, and it is on the free list exactly once.
 *  - An allocated frame has count >= 1 (the allocation is a reference) and
 *    its contents were zeroed by frame_alloc: no data leaks between domains.
 *  - Frames outside usable memory (the VMM image, modules, holes) are
 *    owned by DOMID_XEN and marked FF_RESERVED forever: never freed.
 * Lab 3 adds page-table types (FT_L1, FT_L2...) with type counts.
 */
#ifndef VMM_FRAME_H
#define VMM_FRAME_H

#include <vmm/types.h>
#include <public/xen.h>

enum frame_type {
	FT_NONE,     /* no type: ordinary memory */
	FT_WRITABLE, /* mapped writable somewhere (lab 3) */
	FT_L1,	     /* an L1 page table (lab 3) */
	FT_L2,	     /* an L2 page table (lab 3) */
	FT_GDT,	     /* a descriptor-table page (labs 2, 3) */
};

struct frame {
	uint16_t owner;	     /* domid_t; DOMID_INVALID when free */
	uint8_t type;	     /* enum frame_type */
	uint8_t flags;	     /* FF_* */
	uint32_t count;	     /* references; 0 iff free */
	uint32_t type_count; /* references as `type` (lab 3) */
	union {
		mfn_t next_free; /* free-list link, valid only when free */
		struct {	 /* lab 4: a table (de)validated in part */
			uint16_t lo, hi; /* its entries [lo, hi) hold refs */
		} part;
	};
};

#define FF_VALIDATED 0x01 /* lab 3: contents checked for its type */
#define FF_PINNED    0x02 /* lab 3: type held by a pin */
#define FF_RESERVED  0x04 /* never free: not usable RAM, or the VMM image */
#define FF_PARTIAL   0x08 /* lab 4: validation stopped half way (part) */
#define FF_PUTTING   0x10 /* lab 4: devalidation stopped half way (part) */

extern struct frame *frame_table;
extern mfn_t frame_table_size; /* records for mfns [0, frame_table_size) */

/* Sets up `table` with n records, all owned by DOMID_XEN and reserved,
 * none free; frame_add_free then releases the usable ones. */
void frame_table_init(struct frame *table, mfn_t n);

/* Gives the frames in [start, end) (page aligned) to the free list. */
void frame_add_free(paddr_t start, paddr_t end);

/* LAB 1 EXERCISE 3. Takes a frame off the free list for `owner`, zeroes
 * it, and returns its mfn; INVALID_MFN when none is free. */
mfn_t frame_alloc(domid_t owner);

/* LAB 1 EXERCISE 4. Returns an allocated frame with count 1 to the free
 * list. Freeing a free frame, a reserved frame (FF_RESERVED), a frame still
 * referenced (count > 1, or a type count), or an mfn outside the table is
 * a VMM bug: it panics. */
void frame_free(mfn_t mfn);

/* Number of free frames. */
uint32_t frames_free(void);

static inline struct frame *mfn_to_frame(mfn_t mfn)
{
	return &frame_table[mfn];
}

static inline int mfn_valid(mfn_t mfn)
{
	return mfn < frame_table_size;
}

#endif
