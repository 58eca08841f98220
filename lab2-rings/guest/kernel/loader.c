/*
 * The user window and the programs loaded into it.
 *
 * Until lab 3 the guest kernel cannot make page tables: the domain
 * builder maps the top pages of the domain's memory a second time at
 * KIT_USER_BASE with the user bit (public/layout.h), and every process
 * runs there, in one shared address space. The user programs are ELF
 * images embedded in the kernel (guest/user/programs.S); program i is
 * linked at slot i of the window (include/guest/syscall.h).
 *
 * Invariant: nothing is written for a program outside its slot, and
 * every slot lies in the window, so a program can only be loaded where
 * user mode may run it.
 */
#include <lib/elf32.h>
#include <lib/string.h>
#include <guest/console.h>
#include <guest/platform.h>
#include <guest/syscall.h>
#include <public/layout.h>
#include <kernel.h>

#define PAGE_SIZE 4096u

/* One embedded program (guest/user/programs.S); the table ends with a
 * NULL name. */
struct user_program {
	const char *name;
	const uint8_t *start, *end; /* its ELF image */
};
extern const struct user_program user_programs[];

static uint32_t window_end = KIT_USER_BASE; /* empty until init */

/* The builder maps the window only above its own boot data: the start
 * info, the page tables and the boot stack (vmm/user_window.c). */
void user_window_init(void)
{
	uint32_t n = start_info->nr_pages;
	uint32_t stack_pfn =
		(start_info->pt_base - KIT_KERNEL_BASE) / PAGE_SIZE +
		start_info->nr_pt_frames;

	if (KIT_USER_FIRST_PFN(n) > stack_pfn)
		window_end = KIT_USER_BASE + KIT_USER_PAGES(n) * PAGE_SIZE;
}

uint32_t user_window_end(void)
{
	return window_end;
}

/* Whether [va, va + len) lies in the user window (written so that no
 * sum can wrap around). */
int user_range_ok(uint32_t va, uint32_t len)
{
	return va >= KIT_USER_BASE && va <= window_end &&
	       len <= window_end - va;
}

/* Whether a process may pass [va, va + len) to the kernel (a hook of
 * kernel.h): in lab 2, if it lies in the user window. */
int user_buffer_ok(uint32_t va, uint32_t len)
{
	return user_range_ok(va, len);
}

/*
 * Copies the loadable segments of the image [img, img + size) into the
 * slot [lo, hi) and zeroes their bss. Checks everything first, so that
 * a refused image leaves the slot untouched. NULL or a reason.
 */
static const char *load_elf(const uint8_t *img, uint32_t size, uint32_t lo,
			    uint32_t hi)
{
	const struct elf32_ehdr *eh = (const struct elf32_ehdr *)img;
	const struct elf32_phdr *ph;
	const char *why = elf_check_header(eh, size);

	if (why)
		return why;
	ph = (const struct elf32_phdr *)(img + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ph[i].p_filesz > ph[i].p_memsz ||
		    !in_range(ph[i].p_offset, ph[i].p_filesz, 0, size))
			return "a segment is not in the file";
		if (!user_range_ok(ph[i].p_vaddr, ph[i].p_memsz))
			return "a segment is outside the user window";
		if (!in_range(ph[i].p_vaddr, ph[i].p_memsz, lo,
			      hi - USER_STACK_SIZE))
			return "a segment is outside its slot (or in its stack)";
	}
	if (!in_range(eh->e_entry, 1, lo, hi - USER_STACK_SIZE))
		return "the entry point is outside its slot";
	for (int i = 0; i < eh->e_phnum; i++) {
		uint8_t *dst = (uint8_t *)ph[i].p_vaddr;

		if (ph[i].p_type != PT_LOAD)
			continue;
		memcpy(dst, img + ph[i].p_offset, ph[i].p_filesz);
		memset(dst + ph[i].p_filesz, 0, ph[i].p_memsz - ph[i].p_filesz);
	}
	return NULL;
}

/* Loads each embedded program into its slot and makes it a process; a
 * program that cannot be loaded is reported and left out. */
void load_programs(void)
{
	for (int i = 0; user_programs[i].name; i++) {
		const struct user_program *up = &user_programs[i];
		const struct elf32_ehdr *eh =
			(const struct elf32_ehdr *)up->start;
		uint32_t lo = KIT_USER_BASE + (uint32_t)i * USER_SLOT_SIZE;
		uint32_t hi = lo + USER_SLOT_SIZE;
		const char *why = "its slot is outside the user window";
		struct proc *p = NULL;

		if (user_range_ok(lo, USER_SLOT_SIZE))
			why = load_elf(up->start,
				       (uint32_t)(up->end - up->start), lo, hi);
		if (!why) {
			p = proc_create(up->name, eh->e_entry, hi);
			why = p ? NULL : "no free process slot";
		}
		if (why)
			printf("kernel: cannot load %s: %s\n", up->name, why);
		else
			printf("kernel: pid %d (%s) loaded at %08x, entry %08x\n",
			       p->pid, up->name, lo, eh->e_entry);
	}
}
