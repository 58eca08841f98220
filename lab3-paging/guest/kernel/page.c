/*
 * The page allocator: the domain's free pages, one page at a time, with a
 * reference count for pages that copy-on-write shares between processes.
 *
 * The free pages are all those above the builder's boot stack
 * (include/vmm/builder.h): the first few hold the reference counts, the
 * rest form a free list linked through the pages themselves, as in xv6.
 *
 * Invariants: a free page is mapped writable in the kernel's map and in
 * no page table (so page_put can write the link; a page table given back
 * while still read-only faults right there); refs[pfn] is 0 for a free
 * page, else the number of holders (page tables that map it, or the one
 * kernel user of a table or stack page).
 */
#include <lib/string.h>
#include <guest/console.h>
#include <guest/platform.h>
#include <kernel.h>

struct free_page {
	struct free_page *next;
};

static struct free_page *free_list;
static uint8_t *refs; /* one per pfn of the domain */
static uint32_t first_pfn, end_pfn, nr_free;

static int managed(const void *page)
{
	uint32_t pfn = kva_to_pfn(page);

	return PAGE_OFFSET(page) == 0 && pfn >= first_pfn && pfn < end_pfn;
}

void page_init(void)
{
	uint32_t stack_pfn = kva_to_pfn((void *)start_info->pt_base) +
			     start_info->nr_pt_frames;
	uint32_t ref_pages = PAGE_UP(start_info->nr_pages) / PAGE_SIZE;

	refs = pfn_to_kva(stack_pfn + 1);
	memset(refs, 0, ref_pages * PAGE_SIZE);
	first_pfn = stack_pfn + 1 + ref_pages;
	end_pfn = start_info->nr_pages;
	if (first_pfn >= end_pfn)
		panic("no memory left for processes");
	for (uint32_t pfn = end_pfn; pfn-- > first_pfn;) {
		refs[pfn] = 1;
		page_put(pfn_to_kva(pfn));
	}
}

/* A zeroed page with one reference, or NULL when none is left. */
void *page_alloc(void)
{
	struct free_page *p = free_list;

	if (!p)
		return NULL;
	free_list = p->next;
	nr_free--;
	refs[kva_to_pfn(p)] = 1;
	memset(p, 0, PAGE_SIZE);
	return p;
}

/* One more holder of an allocated page. */
void page_get(void *page)
{
	uint32_t pfn = kva_to_pfn(page);

	if (!managed(page) || refs[pfn] == 0 || refs[pfn] == UINT8_MAX)
		panic("page_get(%p): %u references", page,
		      managed(page) ? refs[pfn] : 0);
	refs[pfn]++;
}

/* One holder less; the last one frees the page. */
void page_put(void *page)
{
	uint32_t pfn = kva_to_pfn(page);
	struct free_page *p = page;

	if (!managed(page) || refs[pfn] == 0)
		panic("page_put(%p): not an allocated page", page);
	if (--refs[pfn])
		return;
	p->next = free_list;
	free_list = p;
	nr_free++;
}

unsigned page_refs(const void *page)
{
	return managed(page) ? refs[kva_to_pfn(page)] : 0;
}

unsigned pages_free(void)
{
	return nr_free;
}

unsigned pages_total(void)
{
	return end_pfn - first_pfn;
}

/* At the end, every page the processes used must be back: their tables
 * unpinned and writable again, their pages and stacks released. */
static void check_pages(void)
{
	unsigned lost = pages_total() - pages_free();

	if (lost)
		printf("kernel: %u of %u pages lost\n", lost, pages_total());
	else
		printf("kernel: all %u pages back\n", pages_total());
}
END_STEP(10, check_pages);
