/*
 * Validation of a guest kernel image (ELF32, i386, executable) before a
 * single byte of it is loaded. Each check returns 0, or -EINVAL with *why
 * set to one of the ELF_ERR_* reasons below; the VMM prints the reason
 * and refuses the domain. The checks run in the order listed, and the
 * first failing one decides the reason.
 */
#ifndef VMM_ELF_H
#define VMM_ELF_H

#include <stdint.h>
#include <lib/elf32.h>

#define ELF_MAX_PHDRS 16

/* elf_check_header, in this order (the version is both e_ident[EI_VERSION]
 * and e_version): */
#define ELF_ERR_SHORT	"file too short for an ELF header"
#define ELF_ERR_MAGIC	"bad ELF magic"
#define ELF_ERR_CLASS	"not a 32-bit ELF file"
#define ELF_ERR_DATA	"not little-endian"
#define ELF_ERR_VERSION "unknown ELF version"
#define ELF_ERR_TYPE	"not an executable"
#define ELF_ERR_MACHINE "not an i386 file"
#define ELF_ERR_PHENTSZ "bad program header size"
#define ELF_ERR_NOPHDR	"no program headers"
#define ELF_ERR_MANYPH	"too many program headers"
#define ELF_ERR_PHOFF	"program headers outside the file"

/* elf_check_segments, for each PT_LOAD header in order, then overall.
 * SEGDATA: p_offset and p_offset + p_filesz must both lie in the file,
 * that is be at most its length (an offset past the end is refused even
 * when p_filesz is 0; an offset equal to the length with p_filesz 0 is
 * fine). */
#define ELF_ERR_FILESZ	"segment file size exceeds its memory size"
#define ELF_ERR_SEGDATA "segment data outside the file"
#define ELF_ERR_BELOW	"segment below the guest kernel base"
#define ELF_ERR_HOLE	"segment overlaps the VMM hole"
#define ELF_ERR_TOOBIG	"segment larger than the domain's memory"
#define ELF_ERR_NOLOAD	"no loadable segment"
#define ELF_ERR_ENTRY	"entry point outside every segment"

/* Where a guest image may put its segments. */
struct elf_limits {
	uint32_t base;	    /* lowest allowed address (GUEST_VIRT_BASE) */
	uint32_t top;	    /* first address of the hole */
	uint32_t mem_bytes; /* the domain's memory; base maps pfn 0 */
};

/*
 * LAB 1 EXERCISE 5. Checks the ELF header of the len-byte image at img
 * (ELF_ERR_SHORT .. ELF_ERR_PHOFF). After it succeeds, the header and all
 * e_phnum program headers lie inside the image.
 */
int elf_check_header(const void *img, uint32_t len, const char **why);

/*
 * LAB 1 EXERCISE 6. Checks every PT_LOAD segment against the file and
 * `lim` (ELF_ERR_FILESZ .. ELF_ERR_TOOBIG), then that there is one at all
 * and that the entry point lies inside one of them. Requires a header
 * that passed elf_check_header. On success stores in *end the first
 * address above all segments. All arithmetic must be overflow-safe: the
 * image is hostile.
 */
int elf_check_segments(const void *img, uint32_t len,
		       const struct elf_limits *lim, uint32_t *end,
		       const char **why);

static inline const struct elf32_phdr *elf_phdr(const void *img, int i)
{
	const struct elf32_ehdr *eh = img;

	return (const struct elf32_phdr *)((const char *)img + eh->e_phoff) + i;
}

#endif
