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
	mfn_t mfn = free_head;
	struct frame *f;

	if (mfn == INVALID_MFN)
		return INVALID_MFN;
	f = mfn_to_frame(mfn);
	free_head = f->next_free;
	nr_free--;
	f->owner = owner;
	f->count = 1;
	f->next_free = INVALID_MFN;
	memset(P2V((paddr_t)mfn << PAGE_SHIFT), 0, PAGE_SIZE);
	return mfn;
	/* END LAB 1 EXERCISE 3 */
}

void frame_free(mfn_t mfn)
{
	/* BEGIN LAB 1 EXERCISE 4 (frame_free) */
	struct frame *f;

	if (!mfn_valid(mfn))
		panic("frame_free: mfn %x is outside the frame table", mfn);
	f = mfn_to_frame(mfn);
	if (f->owner == DOMID_INVALID)
		panic("frame_free: mfn %x is already free", mfn);
	if (f->flags & FF_RESERVED)
		panic("frame_free: mfn %x is reserved", mfn);
	if (f->count != 1 || f->type_count != 0)
		panic("frame_free: mfn %x is still in use (count %u, "
		      "type count %u)",
		      mfn, f->count, f->type_count);
	free_list_push(mfn);
	/* END LAB 1 EXERCISE 4 */
}

uint32_t frames_free(void)
{
	return nr_free;
}
