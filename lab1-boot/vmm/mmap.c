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
	(void)entries, (void)mmap_length, (void)limit, (void)out, (void)max;
	EXERCISE_STUB(1, 2, "mmap_usable");
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
