/*
 * frame_alloc (exercise 3) on the simulated 16 MiB machine, with the frame
 * table and free list that frame_table_init and frame_add_free (provided)
 * set up. frame_alloc must hand out each free frame once, record the owner
 * with count 1, zero the frame (and only it), and return INVALID_MFN when
 * nothing is free. Where a test gives a frame back, it does so with
 * frame_add_free, not frame_free (exercise 4, test_frame_free.c), so that
 * this test needs exercise 3 alone.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <vmm/frame.h>
#include "unit.h"

#define FIRST 0x200 /* free frames [FIRST, FIRST + NFREE): 2 MiB up */
#define NFREE 8

static void setup(void)
{
	unit_machine_init();
	unit_frame_table_init();
	/* Old contents everywhere, so that zeroing can be seen. */
	memset(UNIT_PAGE(FIRST - 1), 0xAA, (NFREE + 2) * 4096);
	frame_add_free((paddr_t)FIRST << 12, (paddr_t)(FIRST + NFREE) << 12);
}

TestSuite(frame_alloc, .init = setup);

static int in_pool(mfn_t m)
{
	return m >= FIRST && m < FIRST + NFREE;
}

/* A stand-in for frame_free: puts allocated frame m back on the free
 * list, as frame_add_free does with boot memory. */
static void give_back(mfn_t m)
{
	frame_add_free((paddr_t)m << 12, (paddr_t)(m + 1) << 12);
}

/* The provided set-up: only the pool is free, everything else is boot
 * memory, owned by the VMM and reserved. */
Test(frame_alloc, table_init_and_add_free)
{
	cr_assert_eq(frames_free(), NFREE);
	for (mfn_t m = 0; m < UNIT_MACHINE_FRAMES; m++) {
		struct frame *f = mfn_to_frame(m);

		if (in_pool(m))
			cr_assert(f->owner == DOMID_INVALID && f->count == 0 &&
				  f->flags == 0);
		else
			cr_assert(f->owner == DOMID_XEN && f->count == 1 &&
				  (f->flags & FF_RESERVED));
	}
}

Test(frame_alloc, alloc_sets_owner_and_count)
{
	mfn_t m = frame_alloc(3);

	cr_assert(in_pool(m), "mfn %#x is not a free frame", m);
	cr_assert_eq(mfn_to_frame(m)->owner, 3);
	cr_assert_eq(mfn_to_frame(m)->count, 1);
	cr_assert_eq(mfn_to_frame(m)->type, FT_NONE);
	cr_assert_eq(mfn_to_frame(m)->type_count, 0);
	cr_assert_eq(frames_free(), NFREE - 1);
}

/* The whole frame is zeroed, and nothing next to it. */
Test(frame_alloc, alloc_zeroes_exactly_one_frame)
{
	mfn_t m = frame_alloc(1);
	unsigned char *p;

	cr_assert(in_pool(m));
	p = UNIT_PAGE(m);
	for (int i = 0; i < 4096; i++)
		cr_assert_eq(p[i], 0, "byte %d of the frame is %#x", i, p[i]);
	cr_assert_eq(p[-1], 0xAA, "zeroed the byte below the frame");
	cr_assert_eq(p[4096], 0xAA, "zeroed the byte above the frame");
}

Test(frame_alloc, alloc_until_empty)
{
	mfn_t got[NFREE];

	for (int i = 0; i < NFREE; i++) {
		got[i] = frame_alloc(1);
		cr_assert(in_pool(got[i]), "alloc %d gave %#x", i, got[i]);
		for (int j = 0; j < i; j++)
			cr_assert_neq(got[i], got[j], "mfn handed out twice");
	}
	cr_assert_eq(frames_free(), 0);
	cr_assert_eq(frame_alloc(1), INVALID_MFN);
	cr_assert_eq(frame_alloc(1), INVALID_MFN);
	cr_assert_eq(frames_free(), 0);
}

/* A frame back on the free list is the next one handed out. */
Test(frame_alloc, free_then_realloc)
{
	mfn_t got[NFREE];
	mfn_t m;

	for (int i = 0; i < NFREE; i++)
		got[i] = frame_alloc(1);
	give_back(got[5]);
	cr_assert_eq(frames_free(), 1);
	m = frame_alloc(2);
	cr_assert_eq(m, got[5], "the only free frame is %#x, got %#x", got[5],
		     m);
	cr_assert_eq(mfn_to_frame(m)->owner, 2);
	cr_assert_eq(mfn_to_frame(m)->count, 1);
	cr_assert_eq(frame_alloc(2), INVALID_MFN);
}

/* A frame written by one domain reaches the next one zeroed. */
Test(frame_alloc, no_leak_between_owners)
{
	mfn_t got[NFREE];

	for (int i = 0; i < NFREE; i++) {
		got[i] = frame_alloc(1);
		memset(UNIT_PAGE(got[i]), 0x5C, 4096);
	}
	for (int i = 0; i < NFREE; i++)
		give_back(got[i]);
	cr_assert_eq(frames_free(), NFREE);
	for (int i = 0; i < NFREE; i++) {
		mfn_t m = frame_alloc(2);
		unsigned char *p = UNIT_PAGE(m);

		cr_assert(in_pool(m));
		for (int b = 0; b < 4096; b++)
			cr_assert_eq(p[b], 0, "mfn %#x byte %d leaked", m, b);
	}
}
