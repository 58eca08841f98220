/*
 * frame_free (exercise 4) on the simulated 16 MiB machine. It must return
 * an allocated frame to the free list (a free frame: owner DOMID_INVALID,
 * count 0, no type, linked into the list through next_free), and must
 * panic on a double free, on a frame that was never allocated, on a
 * reserved frame (FF_RESERVED: boot memory), on a frame still referenced
 * (count > 1) or typed (type_count != 0), and on an mfn outside the table.
 * The frames it frees are not taken with frame_alloc (exercise 3,
 * test_frame_alloc.c): a stand-in, given(), writes their records as
 * frame_alloc leaves them, so that this test needs exercise 4 alone.
 * The expected panics use .signal = SIGABRT; an exercise stub ends the
 * test with another status (unit/host.c), so they fail on the student
 * copy.
 */
#include <signal.h>
#include <string.h>
#include <criterion/criterion.h>
#include <vmm/frame.h>
#include "unit.h"

#define FIRST 0x200 /* free frames [FIRST, FIRST + NFREE): 2 MiB up */
#define NFREE 8
#define USED  0x300 /* frames [USED, USED + NUSED) are given() out */
#define NUSED 8

static void setup(void)
{
	unit_machine_init();
	unit_frame_table_init();
	frame_add_free((paddr_t)FIRST << 12, (paddr_t)(FIRST + NFREE) << 12);
}

TestSuite(frame_free, .init = setup);

/* The stand-in for frame_alloc: boot frame m (reserved, never on the free
 * list) gets the record frame_alloc leaves on a frame it hands to owner:
 * owner set, one reference, no type, no flags, not linked. */
static mfn_t given(mfn_t m, domid_t owner)
{
	struct frame *f = mfn_to_frame(m);

	*f = (struct frame){ 0 };
	f->owner = owner;
	f->count = 1;
	f->next_free = INVALID_MFN;
	return m;
}

static int is_free(mfn_t m)
{
	return mfn_to_frame(m)->owner == DOMID_INVALID;
}

/*
 * Checks the free list as frame.c keeps it, without knowing its head (a
 * static of frame.c): the free frames' next_free links must form one
 * chain, from the one free frame no other links to, through every free
 * frame once, to INVALID_MFN; and there must be frames_free() of them.
 * Returns whether frame m is on it.
 */
static int on_free_list(mfn_t m)
{
	static unsigned char linked[UNIT_MACHINE_FRAMES]; /* links to it */
	mfn_t head = INVALID_MFN, at;
	uint32_t n = 0, steps = 0;
	int seen = 0;

	memset(linked, 0, sizeof(linked));
	for (mfn_t f = 0; f < UNIT_MACHINE_FRAMES; f++) {
		mfn_t next = mfn_to_frame(f)->next_free;

		if (!is_free(f))
			continue;
		n++;
		if (next == INVALID_MFN)
			continue;
		cr_assert(next < UNIT_MACHINE_FRAMES && is_free(next),
			  "free frame %#x links to %#x, not a free frame", f,
			  next);
		cr_assert_eq(linked[next], 0, "two frames link to %#x", next);
		linked[next] = 1;
	}
	cr_assert_eq(n, frames_free(), "%u free frames, frames_free() says %u",
		     n, frames_free());
	for (mfn_t f = 0; f < UNIT_MACHINE_FRAMES; f++) {
		if (!is_free(f) || linked[f])
			continue;
		cr_assert_eq(head, INVALID_MFN,
			     "two lists: from %#x and from %#x", head, f);
		head = f;
	}
	for (at = head; at != INVALID_MFN && steps <= n;
	     at = mfn_to_frame(at)->next_free) {
		seen |= at == m;
		steps++;
	}
	cr_assert_eq(steps, n, "the list from %#x reaches %u of %u frames",
		     head, steps, n);
	return seen;
}

/* A freed frame is free, on the list, with nothing left of its owner. */
Test(frame_free, free_returns_frame)
{
	mfn_t m = given(USED + 5, 1);

	cr_assert(!on_free_list(m));
	frame_free(m);
	cr_assert_eq(frames_free(), NFREE + 1);
	cr_assert_eq(mfn_to_frame(m)->owner, DOMID_INVALID);
	cr_assert_eq(mfn_to_frame(m)->count, 0);
	cr_assert_eq(mfn_to_frame(m)->type, FT_NONE);
	cr_assert_eq(mfn_to_frame(m)->flags, 0);
	cr_assert(on_free_list(m), "mfn %#x is not on the free list", m);
}

/* Every frame of a domain that goes back: all on the list, once. */
Test(frame_free, free_every_frame)
{
	for (int i = 0; i < NUSED; i++) {
		given(USED + i, 1 + i % 2);
		memset(UNIT_PAGE(USED + i), 0x5C, 4096);
	}
	for (int i = NUSED - 1; i >= 0; i--)
		frame_free(USED + i);
	cr_assert_eq(frames_free(), NFREE + NUSED);
	for (int i = 0; i < NUSED; i++)
		cr_assert(on_free_list(USED + i), "mfn %#x is not free",
			  USED + i);
	for (int i = 0; i < NFREE; i++)
		cr_assert(on_free_list(FIRST + i), "lost pool frame %#x",
			  FIRST + i);
}

Test(frame_free, double_free_panics, .signal = SIGABRT)
{
	mfn_t m = given(USED, 1);

	frame_free(m);
	cr_assert_eq(frames_free(), NFREE + 1); /* the first free is fine */
	frame_free(m);
	cr_assert_fail("frame_free returned from a double free: it must panic");
}

Test(frame_free, free_of_never_allocated_panics, .signal = SIGABRT)
{
	frame_free(FIRST + 2);
	cr_assert_fail(
		"frame_free returned from a free of a frame never allocated: it must panic");
}

Test(frame_free, free_reserved_panics, .signal = SIGABRT)
{
	frame_free(FIRST - 1); /* boot memory: owned by DOMID_XEN, count 1 */
	cr_assert_fail(
		"frame_free returned from a free of a reserved frame: it must panic");
}

Test(frame_free, vmm_frames_can_be_freed)
{
	mfn_t m = given(USED, DOMID_XEN); /* e.g. a per-domain L1 */

	frame_free(m);
	cr_assert_eq(frames_free(), NFREE + 1);
	cr_assert(on_free_list(m));
}

Test(frame_free, free_with_references_panics, .signal = SIGABRT)
{
	mfn_t m = given(USED, 1);

	mfn_to_frame(m)->count = 2;
	frame_free(m);
	cr_assert_fail(
		"frame_free returned from a free of a frame still referenced: it must panic");
}

Test(frame_free, free_with_type_count_panics, .signal = SIGABRT)
{
	mfn_t m = given(USED, 1);

	mfn_to_frame(m)->type = FT_L1;
	mfn_to_frame(m)->type_count = 1;
	frame_free(m);
	cr_assert_fail(
		"frame_free returned from a free of a frame with a type count: it must panic");
}

Test(frame_free, free_past_table_panics, .signal = SIGABRT)
{
	frame_free(UNIT_MACHINE_FRAMES);
	cr_assert_fail(
		"frame_free returned from a free of an mfn past the table: it must panic");
}

Test(frame_free, free_invalid_mfn_panics, .signal = SIGABRT)
{
	frame_free(INVALID_MFN);
}
