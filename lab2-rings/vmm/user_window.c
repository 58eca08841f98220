/*
 * The user window (labs 2 and 3, public/layout.h): until the guest kernel
 * can build page tables itself (lab 3), the builder gives it a place where
 * ring 3 may run. The top KIT_USER_PAGES pages of the domain's memory are
 * mapped a second time at KIT_USER_BASE with the user bit set; everything
 * else stays supervisor-only, so a user program cannot touch the kernel.
 */
#include <public/errno.h>
#include <public/layout.h>
#include <vmm/builder.h>
#include <vmm/registry.h>

static int map_user_window(struct domain *d, struct build_info *b)
{
	pfn_t first = KIT_USER_FIRST_PFN(d->nr_pages);

	if (first <= b->stack_pfn)
		return 0; /* too small a domain: no window */
	for (pfn_t pfn = first; pfn < d->nr_pages; pfn++)
		if (pt_map_page(&b->pt,
				KIT_USER_BASE + (pfn - first) * PAGE_SIZE, pfn,
				PTE_W | PTE_U)) {
			b->why = "page-table pool too small";
			return -ENOMEM;
		}
	return 0;
}
BUILD_STEP(64, map_user_window);
