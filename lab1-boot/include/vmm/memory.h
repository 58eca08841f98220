/* Boot-time memory set-up (memory.c). */
#ifndef VMM_MEMORY_H
#define VMM_MEMORY_H

#include <lib/multiboot.h>

/* Reads the memory map, places the frame table and frees usable RAM. */
void memory_init(const struct multiboot_info *mbi);

#endif
