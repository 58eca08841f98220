/*
 * elfmangle DEFECT IN OUT: writes a copy of the valid guest image IN with
 * one defect, for the loader's grading tests (a host tool). Each defect
 * targets exactly one check of elf_check_header / elf_check_segments, so
 * removing that check from the VMM makes its test fail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lib/elf32.h>

static unsigned char *img;
static long len;

static struct elf32_ehdr *ehdr(void)
{
	return (struct elf32_ehdr *)img;
}

static struct elf32_phdr *phdrs(void)
{
	return (struct elf32_phdr *)(img + ehdr()->e_phoff);
}

static struct elf32_phdr *first_load(void)
{
	struct elf32_phdr *ph = phdrs();

	for (int i = 0; i < ehdr()->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			return &ph[i];
	fprintf(stderr, "elfmangle: no PT_LOAD in the input\n");
	exit(1);
}

static uint32_t segments_end(void)
{
	struct elf32_phdr *ph = phdrs();
	uint32_t end = 0;

	for (int i = 0; i < ehdr()->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD &&
		    ph[i].p_vaddr + ph[i].p_memsz > end)
			end = ph[i].p_vaddr + ph[i].p_memsz;
	return end;
}

/* Applies one defect; returns 0, or -1 for an unknown name. */
static int mangle(const char *d)
{
	struct elf32_ehdr *eh = ehdr();
	struct elf32_phdr *ph = first_load();

	if (!strcmp(d, "short")) /* cut inside the header */
		len = 40;
	else if (!strcmp(d, "magic"))
		eh->e_ident[1] = 'X';
	else if (!strcmp(d, "class"))
		eh->e_ident[EI_CLASS] = 2; /* ELFCLASS64 */
	else if (!strcmp(d, "data"))
		eh->e_ident[EI_DATA] = 2; /* big-endian */
	else if (!strcmp(d, "version"))
		eh->e_version = 7;
	else if (!strcmp(d, "type"))
		eh->e_type = 3; /* ET_DYN */
	else if (!strcmp(d, "machine"))
		eh->e_machine = 62; /* x86-64 */
	else if (!strcmp(d, "phentsize"))
		eh->e_phentsize = 56;
	else if (!strcmp(d, "nophdr"))
		eh->e_phnum = 0;
	else if (!strcmp(d, "manyphdr"))
		eh->e_phnum = 17;
	else if (!strcmp(d, "phoff"))
		eh->e_phoff = (uint32_t)len - 16;
	else if (!strcmp(d, "phoffwrap")) /* len - e_phoff wraps */
		eh->e_phoff = 0xFFFFFF00;
	else if (!strcmp(d, "segdata")) /* truncated after the headers */
		len = eh->e_phoff + eh->e_phnum * sizeof(struct elf32_phdr);
	else if (!strcmp(d, "offwrap")) /* offset + filesz wraps */
		ph->p_offset = 0xFFFFF000;
	else if (!strcmp(d, "segsize")) /* data runs 4 KiB past the end */
		ph->p_filesz = ph->p_memsz =
			(uint32_t)len - ph->p_offset + 0x1000;
	else if (!strcmp(d, "filesz"))
		ph->p_filesz = ph->p_memsz + 1;
	else if (!strcmp(d, "below"))
		ph->p_vaddr = 0x00100000;
	else if (!strcmp(d, "hole"))
		ph->p_vaddr = 0xF0001000;
	else if (!strcmp(d, "holecross")) /* starts below, ends inside */
		ph->p_vaddr = 0xF0000000 - 0x1000;
	else if (!strcmp(d, "toobig")) /* 8 MiB; guests get 4 MiB */
		ph->p_memsz = 8U << 20;
	else if (!strcmp(d, "farseg")) /* starts past 4 MiB */
		ph->p_vaddr += 8U << 20;
	else if (!strcmp(d, "noload"))
		for (int i = 0; i < eh->e_phnum; i++)
			phdrs()[i].p_type = PT_NULL;
	else if (!strcmp(d, "entry")) /* in range, in no segment */
		eh->e_entry = segments_end() + 0x10000;
	else
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	FILE *f;

	if (argc != 4) {
		fprintf(stderr, "usage: elfmangle DEFECT IN OUT\n");
		return 2;
	}
	f = fopen(argv[2], "rb");
	if (!f || fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		perror(argv[2]);
		return 1;
	}
	img = malloc((size_t)len);
	if (!img || fread(img, 1, (size_t)len, f) != (size_t)len) {
		perror(argv[2]);
		return 1;
	}
	fclose(f);
	if (mangle(argv[1])) {
		fprintf(stderr, "elfmangle: unknown defect '%s'\n", argv[1]);
		return 2;
	}
	f = fopen(argv[3], "wb");
	if (!f || fwrite(img, 1, (size_t)len, f) != (size_t)len || fclose(f)) {
		perror(argv[3]);
		return 1;
	}
	return 0;
}
