/*
 * Guest image validation (vmm/elf.c). Every test starts from a valid
 * image of 0x3000 bytes (two PT_LOAD segments: [BASE, BASE+0x2000) with
 * 0x1000 bytes from the file, and [BASE+0x4000, BASE+0x7000)) and breaks
 * exactly one rule, expecting -EINVAL with that rule's ELF_ERR_* reason;
 * where limits would make a second rule fail too, they are widened so that
 * only one does. elf_check_header (exercise 5) is checked for each reason,
 * for the order of the reasons (breaking rules k..last must report rule
 * k), for a too-short image lying against unmapped memory, for 16 and 17
 * program headers and for an e_phoff that wraps. elf_check_segments
 * (exercise 6) is checked for each reason, for the boundaries (a segment
 * ending exactly at the hole or at base + mem_bytes is fine, the entry at
 * a segment's end is not), for sums that wrap 32 bits (p_offset + p_filesz
 * gives SEGDATA, p_vaddr + p_memsz gives HOLE), for non-PT_LOAD headers
 * being ignored, and for the *end it reports.
 */
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <criterion/criterion.h>
#include <lib/compiler.h>
#include <public/errno.h>
#include <vmm/elf.h>
#include <vmm/memlayout.h>

#define BASE GUEST_VIRT_BASE
#define HOLE HOLE_START

static unsigned char img[0x4000] __attribute__((aligned(8)));
static uint32_t len;
static struct elf_limits lim;

static struct elf32_ehdr *eh(void)
{
	return (struct elf32_ehdr *)img;
}

static struct elf32_phdr *ph(int i)
{
	return (struct elf32_phdr *)(img + eh()->e_phoff) + i;
}

static void load(int i, uint32_t off, uint32_t va, uint32_t filesz,
		 uint32_t memsz)
{
	*ph(i) = (struct elf32_phdr){
		PT_LOAD, off, va, va, filesz, memsz, PF_R | PF_W | PF_X, 0x1000
	};
}

static void setup(void)
{
	memset(img, 0, sizeof(img));
	memcpy(eh()->e_ident, ELFMAG, 4);
	eh()->e_ident[EI_CLASS] = ELFCLASS32;
	eh()->e_ident[EI_DATA] = ELFDATA2LSB;
	eh()->e_ident[EI_VERSION] = EV_CURRENT;
	eh()->e_type = ET_EXEC;
	eh()->e_machine = EM_386;
	eh()->e_version = EV_CURRENT;
	eh()->e_entry = BASE + 0x10;
	eh()->e_phoff = sizeof(struct elf32_ehdr);
	eh()->e_ehsize = sizeof(struct elf32_ehdr);
	eh()->e_phentsize = sizeof(struct elf32_phdr);
	eh()->e_phnum = 2;
	load(0, 0x1000, BASE, 0x1000, 0x2000);
	load(1, 0x2000, BASE + 0x4000, 0x1000, 0x3000);
	len = 0x3000;
	lim = (struct elf_limits){ BASE, HOLE, 4 << 20 };
}

TestSuite(elf_header, .init = setup);
TestSuite(elf_segments, .init = setup);

/* want == NULL: must pass. */
static void check_header(const char *want)
{
	const char *why = "(not set)";
	int rc = elf_check_header(img, len, &why);

	if (!want) {
		cr_assert_eq(rc, 0, "refused: %s", why);
		return;
	}
	cr_assert_eq(rc, -EINVAL, "returned %d, want -EINVAL (%s)", rc, want);
	cr_assert_str_eq(why, want);
}

/* want == NULL: must pass with *end == want_end. */
static void check_segs(const char *want, uint32_t want_end)
{
	const char *why = "(not set)";
	uint32_t end = 0xdeadbeef;
	int rc;

	check_header(NULL);
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

/* ---- elf_check_header ---- */

Test(elf_header, valid_image)
{
	check_segs(NULL, BASE + 0x7000);
}

Test(elf_header, short)
{
	len = sizeof(struct elf32_ehdr) - 1;
	check_header(ELF_ERR_SHORT);
	len = 0;
	check_header(ELF_ERR_SHORT);
}

/* The length is checked before any field is read: the 10 bytes given lie
 * just below an unmapped page. */
Test(elf_header, short_reads_nothing_beyond)
{
	unsigned char *map = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	const char *why = "(not set)";

	cr_assert_neq(map, MAP_FAILED);
	cr_assert_eq(mprotect(map + 4096, 4096, PROT_NONE), 0);
	memcpy(map + 4096 - 10, img, 10);
	cr_assert_eq(elf_check_header(map + 4096 - 10, 10, &why), -EINVAL);
	cr_assert_str_eq(why, ELF_ERR_SHORT);
}

Test(elf_header, magic)
{
	for (int i = 0; i < 4; i++) {
		setup();
		img[i] ^= 0x20;
		check_header(ELF_ERR_MAGIC);
	}
}

Test(elf_header, class)
{
	img[EI_CLASS] = 2; /* ELFCLASS64 */
	check_header(ELF_ERR_CLASS);
	img[EI_CLASS] = 0;
	check_header(ELF_ERR_CLASS);
}

Test(elf_header, data)
{
	img[EI_DATA] = 2; /* big-endian */
	check_header(ELF_ERR_DATA);
}

Test(elf_header, version)
{
	eh()->e_version = 7;
	check_header(ELF_ERR_VERSION);
	eh()->e_version = 0;
	check_header(ELF_ERR_VERSION);
}

/* The identification byte carries the version too (gABI: EV_CURRENT). */
Test(elf_header, ident_version)
{
	img[EI_VERSION] = 2;
	check_header(ELF_ERR_VERSION);
}

Test(elf_header, type)
{
	eh()->e_type = 3; /* ET_DYN */
	check_header(ELF_ERR_TYPE);
	eh()->e_type = 1; /* ET_REL */
	check_header(ELF_ERR_TYPE);
}

Test(elf_header, machine)
{
	eh()->e_machine = 62; /* x86-64 */
	check_header(ELF_ERR_MACHINE);
}

Test(elf_header, phentsize)
{
	eh()->e_phentsize = 56; /* an ELF64 program header */
	check_header(ELF_ERR_PHENTSZ);
	eh()->e_phentsize = 0;
	check_header(ELF_ERR_PHENTSZ);
}

Test(elf_header, no_phdrs)
{
	eh()->e_phnum = 0;
	check_header(ELF_ERR_NOPHDR);
}

/* 16 headers (14 of them PT_NULL) are fine, 17 are not, even though all
 * 17 lie inside the file. */
Test(elf_header, sixteen_but_not_seventeen)
{
	eh()->e_phnum = ELF_MAX_PHDRS;
	check_segs(NULL, BASE + 0x7000);
	eh()->e_phnum = ELF_MAX_PHDRS + 1;
	check_header(ELF_ERR_MANYPH);
	eh()->e_phnum = 0xFFFF;
	check_header(ELF_ERR_MANYPH);
}

Test(elf_header, phdrs_outside_file)
{
	eh()->e_phoff = len - 16; /* the table runs past the end */
	check_header(ELF_ERR_PHOFF);
	eh()->e_phoff = len;
	check_header(ELF_ERR_PHOFF);
	eh()->e_phoff = len + 0x1000;
	check_header(ELF_ERR_PHOFF);
}

/* e_phoff + the table size wraps 32 bits to a small number. */
Test(elf_header, phoff_wraps)
{
	eh()->e_phoff = 0xFFFFFFE0;
	check_header(ELF_ERR_PHOFF);
	eh()->e_phoff = 0xFFFFFFFF;
	check_header(ELF_ERR_PHOFF);
}

/* A table ending exactly at the end of the file is inside it. */
Test(elf_header, phdrs_at_file_end)
{
	memcpy(img + len - 64, ph(0), 64);
	eh()->e_phoff = len - 64;
	check_segs(NULL, BASE + 0x7000);
}

/* Breaking rules k..last together must report rule k. Each rule is
 * broken by storing `val` in the `size` header bytes at `off` (little
 * endian, as the host); SHORT instead cuts the image to 20 bytes. */
#define F(field)                            \
	offsetof(struct elf32_ehdr, field), \
		sizeof(((struct elf32_ehdr *)0)->field)
static const struct {
	const char *why;
	size_t off, size;
	uint32_t val;
} rule[] = {
	{ ELF_ERR_SHORT, 0, 0, 0 },
	{ ELF_ERR_MAGIC, 0, 1, 0 },
	{ ELF_ERR_CLASS, EI_CLASS, 1, 2 },
	{ ELF_ERR_DATA, EI_DATA, 1, 2 },
	{ ELF_ERR_VERSION, F(e_version), 2 },
	{ ELF_ERR_TYPE, F(e_type), 3 },
	{ ELF_ERR_MACHINE, F(e_machine), 62 },
	{ ELF_ERR_PHENTSZ, F(e_phentsize), 40 },
	{ ELF_ERR_NOPHDR, F(e_phnum), 0 }, /* undoes MANYPH's break */
	{ ELF_ERR_MANYPH, F(e_phnum), 17 },
	{ ELF_ERR_PHOFF, F(e_phoff), 0x3004 }, /* beyond len */
};

Test(elf_header, reasons_in_order)
{
	for (int k = (int)ARRAY_SIZE(rule) - 1; k >= 0; k--) {
		if (k == 0)
			len = 20;
		else
			memcpy(img + rule[k].off, &rule[k].val, rule[k].size);
		check_header(rule[k].why);
	}
}

/* ---- elf_check_segments ---- */

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
