/*
 * The frame table and the frame allocator: a singly linked free list
 * threaded through the records of the free frames (next_free).
 */
#include <lib/exercise.h>
#include <lib/string.h>
#include <vmm/frame.h>
#include <vmm/memlayout.h>
#include <vmm/printk.h>

struct frame *frame_table;
mfn_t frame_table_size;

static mfn_t free_head = INVALID_MFN; /* first free frame */
static uint32_t nr_free;	      /* length of the free list */

void frame_table_init(struct frame *table, mfn_t n)
{
	frame_table = table;
	frame_table_size = n;
	free_head = INVALID_MFN;
	nr_free = 0;
	for (mfn_t m = 0; m < n; m++) {
		table[m] = (struct frame){ 0 };
		table[m].owner = DOMID_XEN;
		table[m].count = 1;
		table[m].flags = FF_RESERVED;
		table[m].next_free = INVALID_MFN;
	}
}

/* Makes frame mfn free and puts it at the head of the free list. */
static void free_list_push(mfn_t mfn)
{
	struct frame *f = mfn_to_frame(mfn);

	*f = (struct frame){ 0 };
	f->owner = DOMID_INVALID;
	f->next_free = free_head;
	free_head = mfn;
	nr_free++;
}

void frame_add_free(paddr_t start, paddr_t end)
{
	for (paddr_t pa = start; pa < end; pa += PAGE_SIZE)
		free_list_push(pa >> PAGE_SHIFT);
}

mfn_t frame_alloc(domid_t owner)
{
	/* BEGIN LAB 1 EXERCISE 3 (frame_alloc) */
	(void)owner;
	EXERCISE_STUB(1, 3, "frame_alloc");
	/* END LAB 1 EXERCISE 3 */
}

void frame_free(mfn_t mfn)
{
	/* BEGIN LAB 1 EXERCISE 4 (frame_free) */
	(void)mfn;
	EXERCISE_STUB(1, 4, "frame_free");
	/* END LAB 1 EXERCISE 4 */
}

uint32_t frames_free(void)
{
	return nr_free;
}
