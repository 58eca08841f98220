/*
 * The guest image the ELF tests start from (test_elf_header.c and
 * test_elf_segments.c include it; each test file has its own copy): an
 * image of 0x3000 bytes with a valid header and two PT_LOAD segments,
 * [BASE, BASE+0x2000) with 0x1000 bytes from the file, and
 * [BASE+0x4000, BASE+0x7000), entry BASE+0x10; and limits that allow it
 * (a 4 MiB domain). setup() rebuilds it; each test then breaks one rule.
 */
#ifndef UNIT_ELF_IMAGE_H
#define UNIT_ELF_IMAGE_H

#include <string.h>
#include <lib/compiler.h>
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

#endif
