/*
 * Validation of guest kernel images. The image comes from outside the
 * VMM (a boot module today, a management tool in a real system), so every
 * field is hostile until checked, and every sum of two fields may wrap.
 */
#include <lib/exercise.h>
#include <lib/string.h>
#include <public/errno.h>
#include <vmm/elf.h>

/* Sets *why and returns -EINVAL: `return fail(why, ELF_ERR_MAGIC);` */
static int fail(const char **why, const char *reason)
{
	*why = reason;
	return -EINVAL;
}

int elf_check_header(const void *img, uint32_t len, const char **why)
{
	/* BEGIN LAB 1 EXERCISE 5 (elf_check_header) */
	const struct elf32_ehdr *eh = img;
	uint32_t ph_bytes;

	if (len < sizeof(*eh))
		return fail(why, ELF_ERR_SHORT);
	if (memcmp(eh->e_ident, ELFMAG, 4) != 0)
		return fail(why, ELF_ERR_MAGIC);
	if (eh->e_ident[EI_CLASS] != ELFCLASS32)
		return fail(why, ELF_ERR_CLASS);
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return fail(why, ELF_ERR_DATA);
	if (eh->e_ident[EI_VERSION] != EV_CURRENT ||
	    eh->e_version != EV_CURRENT)
		return fail(why, ELF_ERR_VERSION);
	if (eh->e_type != ET_EXEC)
		return fail(why, ELF_ERR_TYPE);
	if (eh->e_machine != EM_386)
		return fail(why, ELF_ERR_MACHINE);
	if (eh->e_phentsize != sizeof(struct elf32_phdr))
		return fail(why, ELF_ERR_PHENTSZ);
	if (eh->e_phnum == 0)
		return fail(why, ELF_ERR_NOPHDR);
	if (eh->e_phnum > ELF_MAX_PHDRS)
		return fail(why, ELF_ERR_MANYPH);
	ph_bytes = eh->e_phnum * (uint32_t)sizeof(struct elf32_phdr);
	if (eh->e_phoff > len || ph_bytes > len - eh->e_phoff)
		return fail(why, ELF_ERR_PHOFF);
	return 0;
	/* END LAB 1 EXERCISE 5 */
}

int elf_check_segments(const void *img, uint32_t len,
		       const struct elf_limits *lim, uint32_t *end,
		       const char **why)
{
	/* BEGIN LAB 1 EXERCISE 6 (elf_check_segments) */
	const struct elf32_ehdr *eh = img;
	uint32_t top = 0;
	int loads = 0, entry_ok = 0;

	for (int i = 0; i < eh->e_phnum; i++) {
		const struct elf32_phdr *ph = elf_phdr(img, i);

		if (ph->p_type != PT_LOAD)
			continue;
		if (ph->p_filesz > ph->p_memsz)
			return fail(why, ELF_ERR_FILESZ);
		if (ph->p_offset > len || ph->p_filesz > len - ph->p_offset)
			return fail(why, ELF_ERR_SEGDATA);
		if (ph->p_vaddr < lim->base)
			return fail(why, ELF_ERR_BELOW);
		if (ph->p_vaddr >= lim->top ||
		    ph->p_memsz > lim->top - ph->p_vaddr)
			return fail(why, ELF_ERR_HOLE);
		if (ph->p_vaddr - lim->base > lim->mem_bytes ||
		    ph->p_memsz > lim->mem_bytes - (ph->p_vaddr - lim->base))
			return fail(why, ELF_ERR_TOOBIG);
		loads++;
		if (eh->e_entry >= ph->p_vaddr &&
		    eh->e_entry - ph->p_vaddr < ph->p_memsz)
			entry_ok = 1;
		if (ph->p_vaddr + ph->p_memsz > top)
			top = ph->p_vaddr + ph->p_memsz;
	}
	if (!loads)
		return fail(why, ELF_ERR_NOLOAD);
	if (!entry_ok)
		return fail(why, ELF_ERR_ENTRY);
	*end = top;
	return 0;
	/* END LAB 1 EXERCISE 6 */
}
