/*
 * The provided paravirtualized guest kernel. In lab 1 it only shows what
 * the domain builder gave it and shuts down; later labs give it user
 * processes, page tables, events, a timer and devices. Everything
 * privileged goes through `platform` (include/guest/platform.h).
 */
#include <lib/string.h>
#include <guest/console.h>
#include <guest/lib.h>
#include <guest/platform.h>
#include <public/sched.h>

#define PAGE_SIZE 4096

/* A sum over all of the kernel's memory beyond the boot data: touches
 * every page the builder mapped for it. */
static uint32_t memory_checksum(uint32_t first_pfn)
{
	uint32_t sum = 0;

	for (uint32_t pfn = first_pfn; pfn < start_info->nr_pages; pfn++) {
		volatile uint32_t *p =
			(volatile uint32_t *)(0xC0000000 + pfn * PAGE_SIZE);

		*p = pfn;
		sum += *p;
	}
	return sum;
}

void guest_main(void)
{
	const struct start_info *si = start_info;
	const uint32_t *p2m = (const uint32_t *)si->mfn_list;
	uint32_t first_free =
		(si->pt_base - 0xC0000000) / PAGE_SIZE + si->nr_pt_frames + 1;

	printf("guest kernel on the %s platform\n", platform->name);
	printf("command line: \"%s\"\n", si->cmd_line);
	printf("memory: %u KiB (%u pages), pfn 0 is mfn %x\n", si->nr_pages * 4,
	       si->nr_pages, p2m[0]);
	printf("page tables: L2 at %x, %u frames; free memory from pfn %u\n",
	       si->pt_base, si->nr_pt_frames, first_free);
	printf("touched %u free pages (checksum %x)\n",
	       si->nr_pages - first_free, memory_checksum(first_free));
	printf("goodbye\n");
	guest_exit(SHUTDOWN_poweroff);
}
