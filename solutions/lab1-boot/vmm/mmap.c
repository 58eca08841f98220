/* The Multiboot memory map, reduced to usable page-aligned ranges. */
#include <lib/compiler.h>
#include <lib/exercise.h>
#include <vmm/memlayout.h>
#include <vmm/mmap.h>
#include <vmm/printk.h>

int mmap_usable(const void *entries, uint32_t mmap_length, paddr_t limit,
		struct mem_range *out, int max)
{
	/* BEGIN LAB 1 EXERCISE 2 (mmap_usable) */
	const char *p = entries;
	const char *stop = p + mmap_length;
	int n = 0;

	while (n < max && p + sizeof(struct multiboot_mmap_entry) <= stop) {
		const struct multiboot_mmap_entry *e = (const void *)p;
		uint64_t start = ((uint64_t)e->addr_hi << 32) | e->addr_lo;
		uint64_t len = ((uint64_t)e->len_hi << 32) | e->len_lo;
		uint64_t end;

		/* size excludes itself; an entry too short, or one that runs
		 * past the map's end, ends the map */
		if (e->size < sizeof(*e) - sizeof(e->size) ||
		    e->size > (uint32_t)(stop - p) - sizeof(e->size))
			break;
		p += sizeof(e->size) + e->size;
		if (e->type != MULTIBOOT_MEMORY_AVAILABLE || start >= limit)
			continue;
		end = len >= limit - start ? limit : start + len;
		start = ALIGN_UP(start, PAGE_SIZE);
		end = ALIGN_DOWN(end, PAGE_SIZE);
		if (start >= end)
			continue;
		out[n].start = (paddr_t)start;
		out[n].end = (paddr_t)end;
		n++;
	}
	return n;
	/* END LAB 1 EXERCISE 2 */
}

int mmap_exclude(struct mem_range *out, int n, int max, struct mem_range r)
{
	for (int i = 0; i < n; i++) {
		struct mem_range cur = out[i];

		if (r.end <= cur.start || r.start >= cur.end)
			continue; /* no overlap */
		if (r.start > cur.start && r.end < cur.end) {
			/* r is strictly inside: split cur in two */
			if (n == max)
				panic("memory map: more than %d ranges", max);
			for (int j = n; j > i + 1; j--)
				out[j] = out[j - 1];
			out[i].end = r.start;
			out[i + 1].start = r.end;
			out[i + 1].end = cur.end;
			n++;
			i++;
		} else if (r.start > cur.start) {
			out[i].end = r.start; /* r covers the top */
		} else if (r.end < cur.end) {
			out[i].start = r.end; /* r covers the bottom */
		} else {
			for (int j = i; j < n - 1; j++) /* r covers it all */
				out[j] = out[j + 1];
			n--;
			i--;
		}
	}
	return n;
}
