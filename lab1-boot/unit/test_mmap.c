/*
 * The Multiboot memory map (vmm/mmap.c). mmap_usable (exercise 2) must
 * keep only MULTIBOOT_MEMORY_AVAILABLE entries, shrink each inward to page
 * boundaries, clip it to [0, limit), drop what becomes empty, keep map
 * order and stop at `max`. The maps are built byte by byte as a boot
 * loader lays them out: `size` excludes itself and may exceed 20, and
 * addr/len are 64-bit (a length of 4 GiB or more, a range above 4 GiB and
 * an addr + len that would wrap 64 bits all occur); an entry cut by the
 * map's length, or whose size is below 20 or runs past the map's end
 * (even so far as to wrap a 32-bit position), ends the map. mmap_exclude
 * (provided)
 * is checked for each way a hole can overlap a range.
 */
#include <signal.h>
#include <string.h>
#include <criterion/criterion.h>
#include <vmm/mmap.h>

#define MB (1ULL << 20)
#define GB (1ULL << 30)

static unsigned char map[512];
static uint32_t map_len;

/* Appends one entry whose size field is `size` (20 for a plain one). */
static void add_sized(uint32_t size, uint64_t addr, uint64_t len, uint32_t type)
{
	uint32_t f[6] = {
		size,	       (uint32_t)addr,	      (uint32_t)(addr >> 32),
		(uint32_t)len, (uint32_t)(len >> 32), type
	};

	cr_assert_leq(map_len + 4 + size, sizeof(map));
	memset(map + map_len, 0xEE, 4 + size); /* padding is junk */
	memcpy(map + map_len, f, sizeof(f));
	map_len += 4 + size;
}

static void add(uint64_t addr, uint64_t len, uint32_t type)
{
	add_sized(20, addr, len, type);
}

static struct mem_range out[8];

static int usable(paddr_t limit, int max)
{
	memset(out, 0xA5, sizeof(out)); /* sentinel: slots never written */
	return mmap_usable(map, map_len, limit, out, max);
}

static void check_range(int i, paddr_t start, paddr_t end)
{
	cr_assert_eq(out[i].start, start, "out[%d].start = %#x, want %#x", i,
		     out[i].start, start);
	cr_assert_eq(out[i].end, end, "out[%d].end = %#x, want %#x", i,
		     out[i].end, end);
}

static void reset(void)
{
	map_len = 0;
}

TestSuite(mmap_usable, .init = reset);

/* What QEMU reports for 128 MiB of RAM. */
Test(mmap_usable, qemu_map)
{
	add(0, 0x9fc00, 1);
	add(0x9fc00, 0x400, 2);
	add(0xf0000, 0x10000, 2);
	add(0x100000, 0x7ee0000, 1);
	add(0x7fe0000, 0x20000, 2);
	add(0xfffc0000, 0x40000, 2);
	cr_assert_eq(usable(128 * MB, 8), 2);
	check_range(0, 0, 0x9f000);
	check_range(1, 0x100000, 0x7fe0000);
}

Test(mmap_usable, empty_map)
{
	cr_assert_eq(usable(128 * MB, 8), 0);
}

Test(mmap_usable, shrinks_inward)
{
	add(0x1234, 0x5000, 1); /* [0x1234, 0x6234) */
	cr_assert_eq(usable(128 * MB, 8), 1);
	check_range(0, 0x2000, 0x6000);
}

/* Ranges with no whole page inside disappear. */
Test(mmap_usable, drops_empty)
{
	add(0x1001, 0x1000, 1); /* [0x1001, 0x2001): no whole page */
	add(0x3000, 0, 1);	/* zero length */
	add(0x5000, 0xfff, 1);	/* less than a page */
	add(0x8000, 0x1000, 1); /* exactly one page */
	cr_assert_eq(usable(128 * MB, 8), 1);
	check_range(0, 0x8000, 0x9000);
}

Test(mmap_usable, skips_other_types)
{
	add(0x10000, 0x10000, 2);
	add(0x30000, 0x10000, 1);
	add(0x50000, 0x10000, 3); /* ACPI reclaimable is not usable */
	add(0x70000, 0x10000, 4);
	add(0x90000, 0x10000, 0);
	add(0x20000, 0x10000, 1); /* out of address order: kept there */
	cr_assert_eq(usable(128 * MB, 8), 2);
	check_range(0, 0x30000, 0x40000);
	check_range(1, 0x20000, 0x30000);
}

Test(mmap_usable, clipped_to_limit)
{
	add(0x100000, GB, 1);  /* runs past the limit */
	add(16 * MB, 4096, 1); /* starts exactly at the limit */
	add(64 * MB, MB, 1);   /* above the limit */
	cr_assert_eq(usable(16 * MB, 8), 1);
	check_range(0, 0x100000, 16 * MB);
}

/* A 32-bit reading of addr/len would see len 0 here, or addr 0. */
Test(mmap_usable, sixty_four_bit_fields)
{
	add(4 * GB, 4 * MB, 1);	  /* entirely above 4 GiB */
	add(0x100000, 4 * GB, 1); /* len_lo == 0, len_hi == 1 */
	cr_assert_eq(usable(0xFFFFF000, 8), 1);
	check_range(0, 0x100000, 0xFFFFF000);
}

/* addr + len wraps 64 bits: the range still reaches the limit. */
Test(mmap_usable, length_wraps)
{
	add(0x200000, ~0ULL, 1);
	cr_assert_eq(usable(32 * MB, 8), 1);
	check_range(0, 0x200000, 32 * MB);
}

/* size counts the bytes after itself; larger entries carry padding. */
Test(mmap_usable, entry_size_above_20)
{
	add_sized(24, 0x1000, 0x1000, 1);
	add_sized(36, 0x10000, 0x2000, 2);
	add_sized(20, 0x40000, 0x3000, 1);
	cr_assert_eq(usable(128 * MB, 8), 2);
	check_range(0, 0x1000, 0x2000);
	check_range(1, 0x40000, 0x43000);
}

Test(mmap_usable, stops_at_max)
{
	add(0x1000, 0x1000, 1);
	add(0x3000, 0x1000, 1);
	add(0x5000, 0x1000, 1);
	cr_assert_eq(usable(128 * MB, 2), 2);
	check_range(0, 0x1000, 0x2000);
	check_range(1, 0x3000, 0x4000);
	cr_assert_eq(out[2].start, 0xA5A5A5A5, "wrote beyond max");
}

/* mmap_length ends the map even if more bytes follow in memory. */
Test(mmap_usable, honours_length)
{
	add(0x1000, 0x1000, 1);
	add(0x3000, 0x1000, 1);
	map_len -= 24; /* hide the second entry */
	cr_assert_eq(usable(128 * MB, 8), 1);
	check_range(0, 0x1000, 0x2000);
}

/* An entry of 24 bytes whose size field says `size` (another length). */
static void add_raw(uint32_t size, uint64_t addr, uint64_t len, uint32_t type)
{
	add_sized(20, addr, len, type);
	memcpy(map + map_len - 24, &size, sizeof(size));
}

/* The map ends in the middle of an entry: that entry is not read. */
Test(mmap_usable, ends_mid_entry)
{
	add(0x1000, 0x1000, 1);
	add(0x3000, 0x1000, 1);
	map_len -= 10;
	cr_assert_eq(usable(128 * MB, 8), 1,
		     "an entry cut by mmap_length was read");
	check_range(0, 0x1000, 0x2000);
}

/* An entry whose size runs past the map's end (here so far that a 32-bit
 * position would wrap around to the first entry), or is below 20, ends
 * the map: neither it nor anything after it is read. */
Test(mmap_usable, bad_size_ends_map)
{
	static const uint32_t bad[] = { 0xFFFFFFFC, 0xFFFFFFF0, 48, 16, 0 };

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		reset();
		add(0x1000, 0x1000, 1);
		add_raw(bad[i], 0x3000, 0x1000, 1);
		add(0x5000, 0x1000, 1);
		cr_assert_eq(
			usable(128 * MB, 8), 1,
			"an entry of size %#x was read, or what follows it",
			bad[i]);
		check_range(0, 0x1000, 0x2000);
	}
}

/* ---- mmap_exclude ---- */

static struct mem_range r(paddr_t s, paddr_t e)
{
	return (struct mem_range){ s, e };
}

Test(mmap_exclude, each_overlap)
{
	struct mem_range m[6] = { r(0x1000, 0x9000), r(0x10000, 0x20000),
				  r(0x30000, 0x40000) };
	int n = 3;

	n = mmap_exclude(m, n, 6, r(0x4000, 0x5000));	/* splits */
	n = mmap_exclude(m, n, 6, r(0x1c000, 0x30000)); /* cuts top */
	n = mmap_exclude(m, n, 6, r(0x2c000, 0x34000)); /* cuts bottom */
	cr_assert_eq(n, 4);
	cr_assert(m[0].start == 0x1000 && m[0].end == 0x4000);
	cr_assert(m[1].start == 0x5000 && m[1].end == 0x9000);
	cr_assert(m[2].start == 0x10000 && m[2].end == 0x1c000);
	cr_assert(m[3].start == 0x34000 && m[3].end == 0x40000);
	n = mmap_exclude(m, n, 6, r(0x5000, 0x1c000));	/* covers two */
	n = mmap_exclude(m, n, 6, r(0x50000, 0x60000)); /* no overlap */
	cr_assert_eq(n, 2);
	cr_assert(m[0].start == 0x1000 && m[0].end == 0x4000);
	cr_assert(m[1].start == 0x34000 && m[1].end == 0x40000);
}

Test(mmap_exclude, split_beyond_max_panics, .signal = SIGABRT)
{
	struct mem_range m[1] = { r(0x1000, 0x9000) };

	mmap_exclude(m, 1, 1, r(0x2000, 0x3000));
	cr_assert_fail("mmap_exclude returned from a split past max: it must "
		       "panic");
}
