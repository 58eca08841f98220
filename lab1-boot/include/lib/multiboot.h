/*
 * Multiboot 1: what QEMU's -kernel loader hands the VMM. %eax holds
 * MULTIBOOT_BOOTLOADER_MAGIC and %ebx the physical address of the info.
 */
#ifndef LIB_MULTIBOOT_H
#define LIB_MULTIBOOT_H

#define MULTIBOOT_HEADER_MAGIC	   0x1BADB002
#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002

/* Bits of multiboot_info.flags: which fields are valid. */
#define MBI_MEM	    (1U << 0)
#define MBI_CMDLINE (1U << 2)
#define MBI_MODS    (1U << 3)
#define MBI_MMAP    (1U << 6)

#ifndef __ASSEMBLER__
#include <stdint.h>

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower; /* KiB below 1 MiB */
	uint32_t mem_upper; /* KiB above 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline; /* physical address of a C string */
	uint32_t mods_count;
	uint32_t mods_addr; /* physical address of multiboot_module[] */
	uint32_t syms[4];
	uint32_t mmap_length; /* bytes of memory-map entries */
	uint32_t mmap_addr;   /* physical address of the first entry */
};

/*
 * One memory-map entry. `size` counts the bytes that follow it, so the
 * next entry starts at (char *)&entry->addr + entry->size; it is at least
 * 20 but may be more. addr and len are 64-bit.
 */
struct multiboot_mmap_entry {
	uint32_t size;
	uint32_t addr_lo, addr_hi;
	uint32_t len_lo, len_hi;
	uint32_t type; /* MULTIBOOT_MEMORY_* */
} __attribute__((packed));

#define MULTIBOOT_MEMORY_AVAILABLE 1

struct multiboot_module {
	uint32_t mod_start; /* physical address of the first byte */
	uint32_t mod_end;   /* physical address just past the last byte */
	uint32_t string;    /* physical address of its command line */
	uint32_t reserved;
};

#endif
#endif
