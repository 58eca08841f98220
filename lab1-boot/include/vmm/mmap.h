/* The machine's memory map: which physical ranges hold usable RAM. */
#ifndef VMM_MMAP_H
#define VMM_MMAP_H

#include <vmm/types.h>
#include <lib/multiboot.h>

/* A half-open range [start, end) of machine addresses. */
struct mem_range {
	paddr_t start, end;
};

/*
 * LAB 1 EXERCISE 2. Reads the Multiboot memory map (mmap_length bytes at
 * `entries`) and writes the usable RAM to out[0..max): each range of type
 * MULTIBOOT_MEMORY_AVAILABLE, shrunk inward to page boundaries and clipped
 * to [0, limit); empty results are dropped. Ranges stay in map order.
 * Returns how many ranges were written, at most max: once max are, the
 * rest of the map is not read. An entry is read only if all of it lies
 * within mmap_length (its size field and the size bytes after it) and
 * its size is at least 20; the first one that is not ends the map.
 */
int mmap_usable(const void *entries, uint32_t mmap_length, paddr_t limit,
		struct mem_range *out, int max);

/* Removes [r.start, r.end) from the ranges in out[0..n), splitting one if
 * needed (so n may grow by one, up to max). Returns the new count. */
int mmap_exclude(struct mem_range *out, int n, int max, struct mem_range r);

#endif
