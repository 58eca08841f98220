/*
 * Checks of the ELF images of the user programs, shared by every lab's
 * loader (loader.c): the kernel trusts no image it did not check, even
 * one embedded in itself.
 */
#include <lib/elf32.h>
#include <lib/string.h>
#include <kernel.h>

int in_range(uint32_t va, uint32_t len, uint32_t lo, uint32_t hi)
{
	return va >= lo && va <= hi && len <= hi - va;
}

const char *elf_check_header(const struct elf32_ehdr *eh, uint32_t size)
{
	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, 4) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_type != ET_EXEC ||
	    eh->e_machine != EM_386)
		return "not an i386 executable";
	if (eh->e_phentsize != sizeof(struct elf32_phdr) ||
	    !in_range(eh->e_phoff, eh->e_phnum * sizeof(struct elf32_phdr), 0,
		      size))
		return "bad program headers";
	return NULL;
}
