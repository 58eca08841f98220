/*
 * Guest segment descriptors: check_descriptor (exercise 1), one rule of
 * desc.h at a time, each on a descriptor that breaks no other rule, so
 * that a check left out lets it through:
 *  - not present: accepted unchanged, whatever else it holds;
 *  - system descriptors (all 16 types with S = 0: TSS, LDT, gates),
 *    DPL 0, DPL 2 (code or data), conforming code, expand-down data (the
 *    same type bit) and a base at or above GUEST_SEG_END: refused;
 *  - a limit reaching GUEST_SEG_END: truncated to end exactly at
 *    GUEST_SEG_END - 1, keeping G = 1 or G = 0, switching to G = 0 when
 *    only a byte limit fits, even when base + limit wraps around 4 GiB;
 *    one that ends exactly at GUEST_SEG_END - 1 is left alone;
 *  - DPL-1 code and writable data (what ring 1 can run on) that is not
 *    flat after that truncation: refused;
 *  - accepted descriptors come back unchanged apart from the accessed bit.
 * Then desc_base, desc_limit and desc_set_limit (provided code).
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include <vmm/desc.h>
#include <vmm/memlayout.h>
#include "unit_lab2.h"

#define DPL(n)	 ((uint32_t)(n) << 13)
#define DESC_DB	 (1u << 22) /* 32-bit segment */
#define DESC_AVL (1u << 20)
#define CODE(n)	 (DESC_P | DESC_S | DESC_CODE | DESC_WRITE | DPL(n) | DESC_DB)
#define DATA(n)	 (DESC_P | DESC_S | DESC_WRITE | DPL(n) | DESC_DB)
#define END	 (GUEST_SEG_END - 1) /* the last byte a guest segment reaches */

/* A descriptor: limit is the 20-bit field, flags the other bits of hi. */
static struct seg_desc mk(uint32_t base, uint32_t limit, uint32_t flags)
{
	struct seg_desc d;

	d.lo = (limit & 0xFFFF) | (base << 16);
	d.hi = ((base >> 16) & 0xFF) | (base & 0xFF000000) | (limit & 0xF0000) |
	       flags;
	return d;
}

/* check_descriptor must accept d and leave want. */
static void accepts(struct seg_desc d, struct seg_desc want)
{
	struct seg_desc in = d;

	cr_assert_eq(check_descriptor(&d), 0, "refused %08x:%08x", in.hi,
		     in.lo);
	cr_assert(d.lo == want.lo && d.hi == want.hi,
		  "%08x:%08x became %08x:%08x, not %08x:%08x", in.hi, in.lo,
		  d.hi, d.lo, want.hi, want.lo);
}

static void refuses(struct seg_desc d)
{
	struct seg_desc in = d;

	cr_assert_eq(check_descriptor(&d), -EINVAL, "accepted %08x:%08x", in.hi,
		     in.lo);
}

/* Accepted with only the accessed bit added. */
static void accepts_as_is(struct seg_desc d)
{
	struct seg_desc want = d;

	want.hi |= DESC_ACCESSED;
	accepts(d, want);
}

TestSuite(check_descriptor);

Test(check_descriptor, not_present_unchanged)
{
	struct seg_desc bad[] = {
		mk(0, 0x67, 0x9u << 8),		  /* a TSS, DPL 0 */
		mk(0, 0, 0xEu << 8 | DPL(3)),	  /* an interrupt gate */
		mk(0, 0xFFFFF, CODE(0) | DESC_G), /* DPL 0, 4 GiB */
		mk(GUEST_SEG_END, 0, DATA(1)),	  /* base in the hole */
		mk(0, 0xFFFFF, DATA(1) | DESC_G), /* limit too far */
		mk(0, 0, DATA(3) | DESC_EXPDOWN), /* expand-down */
		mk(0x1000, 0xFF, CODE(1)),	  /* fine, not accessed */
	};

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		bad[i].hi &= ~DESC_P;
		accepts(bad[i], bad[i]);
	}
}

/* S = 0: every system type, though base, limit and DPL are fine. */
Test(check_descriptor, system_refused)
{
	for (uint32_t type = 0; type < 16; type++) {
		refuses(mk(0x1000, 0xFF, DESC_P | type << 8 | DPL(1)));
		refuses(mk(0x1000, 0xFF, DESC_P | type << 8 | DPL(3)));
	}
}

Test(check_descriptor, dpl0_refused)
{
	refuses(mk(0, 0xFF, CODE(0)));
	refuses(mk(0, 0xFF, DATA(0)));
	refuses(mk(0, 0xFF, DATA(0) & ~DESC_WRITE));
	accepts_as_is(mk(0, END >> 12, CODE(1) | DESC_G));
	accepts_as_is(mk(0, 0xFF, DATA(1) & ~DESC_WRITE));
}

/* Guests run in ring 1 or 3: no DPL-2 code (the way into ring 2) and no
 * DPL-2 data (its stack), whatever the type. */
Test(check_descriptor, dpl2_refused)
{
	refuses(mk(0, 0xFF, CODE(2)));
	refuses(mk(0, 0xFF, CODE(2) & ~DESC_WRITE));
	refuses(mk(0, 0xFF, DATA(2)));
	refuses(mk(0, 0xFF, DATA(2) & ~DESC_WRITE));
	accepts_as_is(mk(0, 0xFF, DATA(3)));
	accepts_as_is(mk(0, 0xFF, CODE(3)));
}

/* An iret to a conforming segment runs at the selector's RPL: refused,
 * whatever its DPL. */
Test(check_descriptor, conforming_code_refused)
{
	refuses(mk(0x1000, 0xFF, CODE(1) | DESC_EXPDOWN));
	refuses(mk(0x1000, 0xFF, CODE(3) | DESC_EXPDOWN));
	refuses(mk(0x1000, 0xFF, (CODE(3) & ~DESC_WRITE) | DESC_EXPDOWN));
	accepts_as_is(mk(0x1000, 0xFF, CODE(3)));
}

Test(check_descriptor, expand_down_data_refused)
{
	refuses(mk(0x1000, 0xFF, DATA(1) | DESC_EXPDOWN));
	refuses(mk(0x1000, 0xFF, DATA(3) | DESC_EXPDOWN));
	refuses(mk(0x1000, 0xFF, (DATA(1) & ~DESC_WRITE) | DESC_EXPDOWN));
	accepts_as_is(mk(0x1000, 0xFF, DATA(3)));
}

/* Small byte limits, so that no truncation is involved. */
Test(check_descriptor, base_in_hole_refused)
{
	refuses(mk(GUEST_SEG_END, 0, DATA(1)));
	refuses(mk(GUEST_SEG_END, 0, CODE(3)));
	refuses(mk(GUEST_SEG_END + 0x10000, 0xFF, DATA(3)));
	refuses(mk(0xFF000000, 0, DATA(1)));
	refuses(mk(0xFFFFFFF0, 0xF, CODE(1)));
	accepts_as_is(mk(END, 0, DATA(3)));
	accepts_as_is(mk(HOLE_START, 0xFFF, DATA(3))); /* the read-only M2P */
}

/* A segment whose last byte is exactly END is left alone. */
Test(check_descriptor, ending_at_end_unchanged)
{
	accepts_as_is(mk(0, END >> 12, CODE(1) | DESC_G));
	accepts_as_is(
		mk(0x00100000, (END - 0x00100000) >> 12, DATA(3) | DESC_G));
	accepts_as_is(mk(0xF0300000, 0xFFFFF, DATA(3)));
	accepts_as_is(mk(0xF03FF000, 0xFFF, CODE(3)));
}

Test(check_descriptor, truncated_g1)
{
	/* Flat 4 GiB, and one page too many. */
	accepts(mk(0, 0xFFFFF, CODE(1) | DESC_G),
		mk(0, END >> 12, CODE(1) | DESC_G | DESC_ACCESSED));
	accepts(mk(0, (END >> 12) + 1, DATA(3) | DESC_G),
		mk(0, END >> 12, DATA(3) | DESC_G | DESC_ACCESSED));
	accepts(mk(0x00400000, 0xF0000, DATA(3) | DESC_G | DESC_AVL),
		mk(0x00400000, (END - 0x00400000) >> 12,
		   DATA(3) | DESC_G | DESC_AVL | DESC_ACCESSED));
	accepts(mk(HOLE_START, 0xFFFFF, DATA(3) | DESC_G),
		mk(HOLE_START, 0x3FF, DATA(3) | DESC_G | DESC_ACCESSED));
}

/* Byte granularity stays byte granularity. */
Test(check_descriptor, truncated_g0)
{
	accepts(mk(0xF0380000, 0xFFFFF, DATA(3)),
		mk(0xF0380000, 0x7FFFF, DATA(3) | DESC_ACCESSED));
	accepts(mk(0xF03FFF00, 0x100, CODE(3) & ~DESC_DB),
		mk(0xF03FFF00, 0xFF, (CODE(3) & ~DESC_DB) | DESC_ACCESSED));
}

/* Less than 1 MiB left: the limit must become a byte limit (G = 0). */
Test(check_descriptor, truncated_g1_to_bytes)
{
	accepts(mk(0xF03FF000, 1, DATA(3) | DESC_G),
		mk(0xF03FF000, 0xFFF, DATA(3) | DESC_ACCESSED));
	accepts(mk(0xF0380000, 0xFFFFF, CODE(3) | DESC_G),
		mk(0xF0380000, 0x7FFFF, CODE(3) | DESC_ACCESSED));
}

/* base + limit wraps past 4 GiB to a small value: still far too long. */
Test(check_descriptor, truncated_when_end_wraps)
{
	accepts(mk(0x20000000, 0xFFFFF, CODE(3) | DESC_G),
		mk(0x20000000, (END - 0x20000000) >> 12,
		   CODE(3) | DESC_G | DESC_ACCESSED));
	accepts(mk(0x80001000, 0x7FFFF, DATA(3) | DESC_G),
		mk(0x80001000, (END - 0x80001000) >> 12,
		   DATA(3) | DESC_G | DESC_ACCESSED));
}

/* With G = 1 and a base off a page boundary, END cannot be hit exactly:
 * the segment must stop before it, less than a page short. */
Test(check_descriptor, truncated_unaligned_base)
{
	struct seg_desc d = mk(0x00000800, 0xFFFFF, DATA(3) | DESC_G);
	uint32_t last;

	cr_assert_eq(check_descriptor(&d), 0);
	last = desc_base(&d) + desc_limit(&d);
	cr_assert(last <= END && last > END - 4096, "ends at %#x", last);
	cr_assert_eq(desc_base(&d), 0x800);
	cr_assert(d.hi & DESC_ACCESSED);
}

/* Ring 1 runs only on flat segments: DPL-1 code (a cs) and DPL-1
 * writable data (an ss) need base 0 and a limit up to the hole, checked
 * after the truncation; DPL-1 read-only data and DPL-3 segments do not. */
Test(check_descriptor, ring1_not_flat_refused)
{
	refuses(mk(0x1000, 0xFFFFF, CODE(1) | DESC_G));
	refuses(mk(0, 0xBFFFF, CODE(1) | DESC_G));
	refuses(mk(0, (END >> 12) - 1, (CODE(1) & ~DESC_WRITE) | DESC_G));
	refuses(mk(0, 0xFF, CODE(1)));
	refuses(mk(0x1000, 0xFFFFF, DATA(1) | DESC_G));
	refuses(mk(0, 0xFFFFF, DATA(1)));
	refuses(mk(0xF03FF000, 0xFFF, DATA(1)));
	accepts(mk(0, 0xFFFFF, DATA(1) | DESC_G),
		mk(0, END >> 12, DATA(1) | DESC_G | DESC_ACCESSED));
	accepts_as_is(mk(0, END >> 12, (CODE(1) & ~DESC_WRITE) | DESC_G));
	accepts_as_is(mk(0x1000, 0xFF, DATA(1) & ~DESC_WRITE));
	accepts_as_is(mk(0x1000, 0xFF, DATA(3)));
	accepts_as_is(mk(0x1000, 0xFF, CODE(3)));
}

Test(check_descriptor, valid_accepted)
{
	accepts_as_is(mk(0x12345678, 0xABCDE, CODE(3)));
	accepts_as_is(mk(0, 0, (CODE(3) & ~DESC_WRITE) | DESC_AVL));
	accepts_as_is(mk(0x12345678, 0x0ABCD, DATA(3) | DESC_G));
	accepts_as_is(mk(0xC0000000, 0xFFFF, DATA(3) | DESC_ACCESSED));
	for (int dpl = 1; dpl <= 3; dpl += 2) { /* no ring 2: dpl2_refused */
		accepts_as_is(mk(0, END >> 12, CODE(dpl) | DESC_G | DESC_AVL));
		accepts_as_is(mk(0, END >> 12, DATA(dpl) | DESC_G));
		accepts_as_is(mk(0xC0000000, 0xFFFF, DATA(dpl) & ~DESC_WRITE));
	}
}

/* ---- desc_base, desc_limit, desc_set_limit ---- */

Test(desc_fields, base_and_limit)
{
	struct seg_desc d = mk(0x12345678, 0xABCDE, DATA(1));

	cr_assert_eq(desc_base(&d), 0x12345678);
	cr_assert_eq(desc_limit(&d), 0xABCDE);
	d.hi |= DESC_G;
	cr_assert_eq(desc_limit(&d), 0xABCDEFFF);
	d = mk(0xFFFFFFFF, 0xFFFFF, CODE(3) | DESC_G);
	cr_assert_eq(desc_base(&d), 0xFFFFFFFF);
	cr_assert_eq(desc_limit(&d), 0xFFFFFFFF);
}

Test(desc_fields, set_limit)
{
	struct seg_desc d = mk(0x12345678, 0xFFFFF, DATA(1) | DESC_G);

	desc_set_limit(&d, 0x1234); /* bytes: G cleared */
	cr_assert_eq(desc_limit(&d), 0x1234);
	cr_assert_eq(d.hi & DESC_G, 0);
	desc_set_limit(&d, 0xFFFFE);
	cr_assert_eq(desc_limit(&d), 0xFFFFE);
	desc_set_limit(&d, 0x12345FFF); /* pages: G set */
	cr_assert_eq(desc_limit(&d), 0x12345FFF);
	cr_assert(d.hi & DESC_G);
	desc_set_limit(&d, 0x12345ABC); /* at most `last` */
	cr_assert_eq(desc_limit(&d), 0x12344FFF);
	/* Nothing else changed. */
	cr_assert_eq(desc_base(&d), 0x12345678);
	cr_assert_eq(d.hi & ~(DESC_G | 0xF0000 | 0xFF0000FF), DATA(1));
}
