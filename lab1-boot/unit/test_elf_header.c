/*
 * elf_check_header (exercise 5), on the image of elf_image.h with exactly
 * one rule broken, expecting -EINVAL with that rule's ELF_ERR_* reason.
 * Checked: each reason; the order of the reasons (breaking rules k..last
 * must report rule k); a too-short image lying against unmapped memory
 * (nothing past the length is read); 16 program headers but not 17; an
 * e_phoff that wraps; a table ending exactly at the end of the file.
 * Nothing here calls elf_check_segments (exercise 6, test_elf_segments.c).
 */
#include <stddef.h>
#include <sys/mman.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include "elf_image.h"

TestSuite(elf_header, .init = setup);

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

Test(elf_header, valid_image)
{
	check_header(NULL);
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
	check_header(NULL);
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
	check_header(NULL);
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
