/*
 * From the Multiboot memory map to free frames: find the usable RAM
 * (exercise 2), take out everything the boot put there (the VMM image,
 * the modules, the boot information), place the frame table, and give
 * the rest to the frame allocator.
 */
#include <lib/compiler.h>
#include <lib/string.h>
#include <vmm/frame.h>
#include <vmm/memlayout.h>
#include <vmm/memory.h>
#include <vmm/mmap.h>
#include <vmm/printk.h>

#define MAX_RANGES 32

extern char __vmm_start[], __vmm_end[];

static struct mem_range ranges[MAX_RANGES];
static int nranges;

static void exclude(paddr_t start, paddr_t end)
{
	struct mem_range r = { ALIGN_DOWN(start, PAGE_SIZE),
			       ALIGN_UP(end, PAGE_SIZE) };

	nranges = mmap_exclude(ranges, nranges, MAX_RANGES, r);
}

/* Takes out the boot information: modules, their command lines, the
 * module list, the VMM command line and the info structure itself. */
static void exclude_boot_data(const struct multiboot_info *mbi)
{
	const struct multiboot_module *mods = P2V(mbi->mods_addr);

	exclude(0, 0x100000); /* BIOS data, VGA, ROMs: never used */
	exclude(V2P(__vmm_start), V2P(__vmm_end));
	exclude(V2P(mbi), V2P(mbi) + sizeof(*mbi));
	if (mbi->flags & MBI_CMDLINE)
		exclude(mbi->cmdline,
			mbi->cmdline + strlen(P2V(mbi->cmdline)) + 1);
	if (!(mbi->flags & MBI_MODS))
		return;
	exclude(mbi->mods_addr,
		mbi->mods_addr + mbi->mods_count * sizeof(*mods));
	for (uint32_t i = 0; i < mbi->mods_count; i++) {
		exclude(mods[i].mod_start, mods[i].mod_end);
		exclude(mods[i].string,
			mods[i].string + strlen(P2V(mods[i].string)) + 1);
	}
}

/* Carves the frame table out of the first range large enough. */
static struct frame *place_frame_table(mfn_t nframes)
{
	uint32_t bytes = ALIGN_UP(nframes * sizeof(struct frame), PAGE_SIZE);

	for (int i = 0; i < nranges; i++) {
		if (ranges[i].end - ranges[i].start >= bytes) {
			paddr_t at = ranges[i].start;

			exclude(at, at + bytes);
			return P2V(at);
		}
	}
	panic("no room for a frame table of %u bytes", bytes);
}

void memory_init(const struct multiboot_info *mbi)
{
	paddr_t top = 0;
	uint32_t total = 0;

	if (!(mbi->flags & MBI_MMAP))
		panic("the boot loader gave no memory map");
	nranges = mmap_usable(P2V(mbi->mmap_addr), mbi->mmap_length,
			      DIRECTMAP_SIZE, ranges, MAX_RANGES);
	for (int i = 0; i < nranges; i++) {
		printk("RAM [%08x, %08x) %u KiB\n", ranges[i].start,
		       ranges[i].end, (ranges[i].end - ranges[i].start) >> 10);
		top = MAX(top, ranges[i].end);
	}
	exclude_boot_data(mbi);
	frame_table_init(place_frame_table(top >> PAGE_SHIFT),
			 top >> PAGE_SHIFT);
	for (int i = 0; i < nranges; i++) {
		frame_add_free(ranges[i].start, ranges[i].end);
		total += (ranges[i].end - ranges[i].start) >> PAGE_SHIFT;
	}
	printk("frames: %u free of %u (%u KiB frame table)\n", frames_free(),
	       frame_table_size,
	       (uint32_t)(frame_table_size * sizeof(struct frame)) >> 10);
	BUG_ON(total != frames_free());
}
