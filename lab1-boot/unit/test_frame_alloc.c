/*
 * The frame table and allocator (vmm/frame.c) on the simulated 16 MiB
 * machine. frame_alloc (exercise 3) must hand out each free frame once,
 * record the owner with count 1, zero the frame (and only it), and return
 * INVALID_MFN when nothing is free. frame_free (exercise 4) must return a
 * frame to the free list so that it can be allocated again, and must panic
 * on a double free, on a frame that was never allocated, on a reserved
 * frame (FF_RESERVED: boot memory), on a frame still referenced (count > 1)
 * or typed (type_count != 0), and on an mfn outside the table. The
 * expected panics use .signal = SIGABRT; an exercise stub ends the test
 * with another status (unit/host.c), so they fail on the student copy.
 */
#include <signal.h>
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

TestSuite(frame, .init = setup);

static int in_pool(mfn_t m)
{
	return m >= FIRST && m < FIRST + NFREE;
}

Test(frame, table_init_and_add_free)
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

Test(frame, alloc_sets_owner_and_count)
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
Test(frame, alloc_zeroes_exactly_one_frame)
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

Test(frame, alloc_until_empty)
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

Test(frame, free_then_realloc)
{
	mfn_t got[NFREE];
	mfn_t m;

	for (int i = 0; i < NFREE; i++)
		got[i] = frame_alloc(1);
	frame_free(got[5]);
	cr_assert_eq(frames_free(), 1);
	cr_assert_eq(mfn_to_frame(got[5])->owner, DOMID_INVALID);
	cr_assert_eq(mfn_to_frame(got[5])->count, 0);
	m = frame_alloc(2);
	cr_assert_eq(m, got[5], "the only free frame is %#x, got %#x", got[5],
		     m);
	cr_assert_eq(mfn_to_frame(m)->owner, 2);
	cr_assert_eq(frame_alloc(2), INVALID_MFN);
}

/* A frame written by one domain reaches the next one zeroed. */
Test(frame, no_leak_between_owners)
{
	mfn_t got[NFREE];

	for (int i = 0; i < NFREE; i++) {
		got[i] = frame_alloc(1);
		memset(UNIT_PAGE(got[i]), 0x5C, 4096);
	}
	for (int i = 0; i < NFREE; i++)
		frame_free(got[i]);
	cr_assert_eq(frames_free(), NFREE);
	for (int i = 0; i < NFREE; i++) {
		mfn_t m = frame_alloc(2);
		unsigned char *p = UNIT_PAGE(m);

		cr_assert(in_pool(m));
		for (int b = 0; b < 4096; b++)
			cr_assert_eq(p[b], 0, "mfn %#x byte %d leaked", m, b);
	}
}

Test(frame, double_free_panics, .signal = SIGABRT)
{
	mfn_t m = frame_alloc(1);

	frame_free(m);
	cr_assert_eq(frames_free(), NFREE); /* the first free is fine */
	frame_free(m);
}

Test(frame, free_of_never_allocated_panics, .signal = SIGABRT)
{
	frame_free(FIRST + 2);
}

Test(frame, free_reserved_panics, .signal = SIGABRT)
{
	frame_free(FIRST - 1); /* boot memory: owned by DOMID_XEN, count 1 */
}

Test(frame, vmm_frames_can_be_freed)
{
	mfn_t m = frame_alloc(DOMID_XEN); /* e.g. a per-domain L1 */

	cr_assert_eq(mfn_to_frame(m)->owner, DOMID_XEN);
	frame_free(m);
	cr_assert_eq(frames_free(), NFREE);
}

Test(frame, free_with_references_panics, .signal = SIGABRT)
{
	mfn_t m = frame_alloc(1);

	mfn_to_frame(m)->count = 2;
	frame_free(m);
}

Test(frame, free_with_type_count_panics, .signal = SIGABRT)
{
	mfn_t m = frame_alloc(1);

	mfn_to_frame(m)->type = FT_L1;
	mfn_to_frame(m)->type_count = 1;
	frame_free(m);
}

Test(frame, free_past_table_panics, .signal = SIGABRT)
{
	frame_free(UNIT_MACHINE_FRAMES);
}

Test(frame, free_invalid_mfn_panics, .signal = SIGABRT)
{
	frame_free(INVALID_MFN);
}
