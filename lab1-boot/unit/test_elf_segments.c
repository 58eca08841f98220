/*
 * elf_check_segments (exercise 6), on the image of elf_image.h with
 * exactly one rule broken, expecting -EINVAL with that rule's ELF_ERR_*
 * reason; where limits would make a second rule fail too, they are
 * widened so that only one does. Every image here has a valid header, so
 * elf_check_segments is called alone, as the loader calls it once
 * elf_check_header (exercise 5, test_elf_header.c) has passed.
 * Checked: each reason; the boundaries (a segment ending exactly at the
 * hole or at base + mem_bytes is fine, the entry at a segment's end is
 * not); sums that wrap 32 bits (p_offset + p_filesz gives SEGDATA,
 * p_vaddr + p_memsz gives HOLE); non-PT_LOAD headers being ignored; a
 * table of 16 headers, or at the very end of the file; and the *end it
 * reports.
 */
#include <criterion/criterion.h>
#include <public/errno.h>
#include "elf_image.h"

TestSuite(elf_segments, .init = setup);

/* want == NULL: must pass with *end == want_end. */
static void check_segs(const char *want, uint32_t want_end)
{
	const char *why = "(not set)";
	uint32_t end = 0xdeadbeef;
	int rc;

	rc = elf_check_segments(img, len, &lim, &end, &why);
	if (!want) {
		cr_assert_eq(rc, 0, "refused: %s", why);
		cr_assert_eq(end, want_end, "*end = %#x, want %#x", end,
			     want_end);
		return;
	}
	cr_assert_eq(rc, -EINVAL, "returned %d, want -EINVAL (%s)", rc, want);
	cr_assert_str_eq(why, want);
}

Test(elf_segments, valid_image)
{
	check_segs(NULL, BASE + 0x7000);
}

/* 16 headers, 14 of them PT_NULL: only the two PT_LOAD ones count. */
Test(elf_segments, sixteen_headers)
{
	eh()->e_phnum = ELF_MAX_PHDRS;
	check_segs(NULL, BASE + 0x7000);
}

/* The headers read where e_phoff says, here at the end of the file. */
Test(elf_segments, phdrs_at_file_end)
{
	memcpy(img + len - 64, ph(0), 64);
	eh()->e_phoff = len - 64;
	check_segs(NULL, BASE + 0x7000);
}

Test(elf_segments, filesz_above_memsz)
{
	ph(0)->p_memsz = 0x800;
	check_segs(ELF_ERR_FILESZ, 0);
}

Test(elf_segments, data_outside_file)
{
	ph(1)->p_filesz = 0x1001; /* one byte past the end */
	check_segs(ELF_ERR_SEGDATA, 0);
	ph(1)->p_filesz = 0x1000;
	ph(1)->p_offset = len;
	check_segs(ELF_ERR_SEGDATA, 0);
	/* No data at all, but an offset past the end: still refused. */
	ph(1)->p_filesz = 0;
	ph(1)->p_offset = len + 1;
	check_segs(ELF_ERR_SEGDATA, 0);
}

/* p_offset + p_filesz wraps to 0 (or 1). */
Test(elf_segments, offset_wraps)
{
	ph(0)->p_offset = 0xFFFFF000;
	check_segs(ELF_ERR_SEGDATA, 0);
	ph(0)->p_offset = 0xFFFFFFFF;
	ph(0)->p_filesz = 2;
	check_segs(ELF_ERR_SEGDATA, 0);
}

Test(elf_segments, below_base)
{
	ph(0)->p_vaddr = BASE - 0x1000; /* the entry is still inside */
	check_segs(ELF_ERR_BELOW, 0);
	ph(0)->p_vaddr = 0;
	eh()->e_entry = 0x10;
	check_segs(ELF_ERR_BELOW, 0);
}

/* With 2 GiB of memory only the hole can refuse these. */
Test(elf_segments, hole)
{
	lim.mem_bytes = 0x80000000;
	ph(1)->p_vaddr = HOLE - 0x1000; /* straddles the hole */
	check_segs(ELF_ERR_HOLE, 0);
	ph(1)->p_vaddr = HOLE;
	ph(1)->p_memsz = 0x1000;
	check_segs(ELF_ERR_HOLE, 0);
	ph(1)->p_vaddr = 0xFFFFF000;
	check_segs(ELF_ERR_HOLE, 0);
}

/* p_vaddr + p_memsz wraps past 4 GiB to a small number. */
Test(elf_segments, vaddr_wraps)
{
	lim.mem_bytes = 0x80000000;
	ph(1)->p_vaddr = HOLE - 0x1000;
	ph(1)->p_memsz = 0x10002000; /* ends at 0x1000 */
	check_segs(ELF_ERR_HOLE, 0);
	lim.mem_bytes = 4 << 20;
	ph(0)->p_memsz = 0xFFFFFFFF; /* HOLE is checked first */
	check_segs(ELF_ERR_HOLE, 0);
}

Test(elf_segments, ends_at_hole)
{
	lim.mem_bytes = 0x80000000;
	ph(1)->p_vaddr = HOLE - 0x3000;
	check_segs(NULL, HOLE);
}

Test(elf_segments, too_big)
{
	ph(1)->p_vaddr = BASE + 0x3FF000; /* crosses base + 4 MiB */
	check_segs(ELF_ERR_TOOBIG, 0);
	ph(1)->p_vaddr = BASE + 0x500000; /* entirely beyond it */
	check_segs(ELF_ERR_TOOBIG, 0);
	ph(1)->p_vaddr = BASE;
	ph(1)->p_memsz = (4 << 20) + 0x1000;
	check_segs(ELF_ERR_TOOBIG, 0);
}

Test(elf_segments, ends_at_memory_end)
{
	ph(1)->p_vaddr = BASE + 0x3FD000;
	check_segs(NULL, BASE + 0x400000);
}

Test(elf_segments, no_load)
{
	ph(0)->p_type = PT_NULL;
	ph(1)->p_type = 4; /* PT_NOTE */
	check_segs(ELF_ERR_NOLOAD, 0);
}

Test(elf_segments, entry_bounds)
{
	eh()->e_entry = BASE + 0x1FFF; /* last byte of segment 0 */
	check_segs(NULL, BASE + 0x7000);
	eh()->e_entry = BASE + 0x6FFF; /* in segment 1's bss */
	check_segs(NULL, BASE + 0x7000);
	eh()->e_entry = BASE + 0x2000; /* == p_vaddr + p_memsz */
	check_segs(ELF_ERR_ENTRY, 0);
	eh()->e_entry = BASE + 0x7000;
	check_segs(ELF_ERR_ENTRY, 0);
	eh()->e_entry = BASE - 1;
	check_segs(ELF_ERR_ENTRY, 0);
	eh()->e_entry = 0;
	check_segs(ELF_ERR_ENTRY, 0);
}

/* Other header types may hold anything, and do not hold the entry. */
Test(elf_segments, non_load_ignored)
{
	eh()->e_phnum = 4;
	/* PT_NOTE: file size > memory size, offset wraps, below the base */
	*ph(2) = (struct elf32_phdr){ .p_type = 4,
				      .p_offset = 0xFFFFF000,
				      .p_filesz = 0x5000,
				      .p_memsz = 0x10 };
	/* PT_GNU_STACK: offset past the file, in the hole */
	*ph(3) = (struct elf32_phdr){ .p_type = 0x6474e551,
				      .p_offset = len + 1,
				      .p_vaddr = HOLE };
	check_segs(NULL, BASE + 0x7000);
	ph(2)->p_vaddr = BASE + 0x2000; /* covers the entry */
	ph(2)->p_memsz = 0x1000;
	eh()->e_entry = BASE + 0x2800;
	check_segs(ELF_ERR_ENTRY, 0);
}

/* *end is the highest end, not the last segment's. */
Test(elf_segments, end_is_highest)
{
	load(0, 0x1000, BASE + 0x8000, 0x1000, 0x2000);
	eh()->e_entry = BASE + 0x8010;
	check_segs(NULL, BASE + 0xA000);
}

Test(elf_segments, sixteen_segments)
{
	eh()->e_phnum = ELF_MAX_PHDRS;
	for (int i = 0; i < ELF_MAX_PHDRS; i++)
		load(i, 0x1000, BASE + i * 0x1000, i ? 0 : 0x1000, 0x1000);
	check_segs(NULL, BASE + ELF_MAX_PHDRS * 0x1000);
}

/* Within a header the ELF_ERR_* order decides; headers go in order; every
 * per-header reason comes before NOLOAD and ENTRY. */
Test(elf_segments, reasons_in_order)
{
	ph(0)->p_filesz = 0x2001; /* also past the file end */
	check_segs(ELF_ERR_FILESZ, 0);
	setup();
	ph(0)->p_offset = 0x2800;	/* data past the end, */
	ph(0)->p_vaddr = BASE - 0x1000; /* and below the base */
	check_segs(ELF_ERR_SEGDATA, 0);
	setup();
	ph(0)->p_vaddr = HOLE - 0x1000; /* hole and too big */
	check_segs(ELF_ERR_HOLE, 0);
	setup();
	ph(0)->p_memsz = (4 << 20) + 0x1000; /* header 0: too big */
	ph(1)->p_memsz = 0x800;		     /* header 1: filesz */
	check_segs(ELF_ERR_TOOBIG, 0);
	setup();
	ph(1)->p_vaddr = BASE - 0x4000; /* below, entry outside */
	eh()->e_entry = BASE + 0x3000;
	check_segs(ELF_ERR_BELOW, 0);
}
