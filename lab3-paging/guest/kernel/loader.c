/*
 * The programs embedded in the kernel (guest/user/programs.S), each
 * loaded into an address space of its own. All are linked at USER_BASE
 * (memlayout.h); a program's image is followed by its heap, which starts
 * empty.
 *
 * Invariant: a program is loaded only if every segment lies between
 * USER_BASE and USER_HEAP_MAX; it gets only the pages its segments
 * cover, read-only unless a segment on the page is writable.
 */
#include <lib/elf32.h>
#include <lib/string.h>
#include <guest/console.h>
#include <kernel.h>

/* The benchmark (main.c): the only program of a "bench" run, and left
 * out of every other run. */
#define BENCH_PROGRAM "forkbench"

/* One embedded program; the table ends with a NULL name. */
struct user_program {
	const char *name;
	const uint8_t *start, *end; /* its ELF image */
};
extern const struct user_program user_programs[];

/* Checks the loadable segments (but empty ones) and the entry point;
 * NULL or a reason. *end gets the end of the highest segment. */
static const char *check_segments(const uint8_t *img, uint32_t size,
				  uint32_t *end)
{
	const struct elf32_ehdr *eh = (const struct elf32_ehdr *)img;
	const struct elf32_phdr *ph = (const void *)(img + eh->e_phoff);
	int entry_ok = 0;

	*end = USER_BASE;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
			continue;
		if (ph[i].p_filesz > ph[i].p_memsz ||
		    !in_range(ph[i].p_offset, ph[i].p_filesz, 0, size))
			return "a segment is not in the file";
		if (!in_range(ph[i].p_vaddr, ph[i].p_memsz, USER_BASE,
			      USER_HEAP_MAX))
			return "a segment is outside the user image area";
		*end = MAX(*end, ph[i].p_vaddr + ph[i].p_memsz);
		entry_ok |= in_range(eh->e_entry, 1, ph[i].p_vaddr,
				     ph[i].p_vaddr + ph[i].p_memsz);
	}
	return entry_ok ? NULL : "the entry point is in no segment";
}

/* Maps the pages of segment ph into vm and copies its bytes from the
 * image; the rest of the pages stays zero (bss). 0, or -1 when out of
 * memory. */
static int load_segment(struct vm *vm, const uint8_t *img,
			const struct elf32_phdr *ph)
{
	uint32_t lo = ph->p_vaddr, file_end = lo + ph->p_filesz;

	for (uint32_t va = PAGE_DOWN(lo); va < lo + ph->p_memsz;
	     va += PAGE_SIZE) {
		uint8_t *page = vm_page(vm, va, ph->p_flags & PF_W);
		uint32_t from = MAX(va, lo), to = MIN(va + PAGE_SIZE, file_end);

		if (!page)
			return -1;
		if (from < to)
			memcpy(page + (from - va),
			       img + ph->p_offset + (from - lo), to - from);
	}
	return 0;
}

/* Builds the address space of program up in vm; NULL or a reason. */
static const char *load_elf(struct vm *vm, const struct user_program *up)
{
	const struct elf32_ehdr *eh = (const struct elf32_ehdr *)up->start;
	const struct elf32_phdr *ph;
	uint32_t size = (uint32_t)(up->end - up->start), end;
	const char *why = elf_check_header(eh, size);

	if (!why)
		why = check_segments(up->start, size, &end);
	if (why)
		return why;
	if (vm_create(vm))
		return "out of memory";
	ph = (const struct elf32_phdr *)(up->start + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD &&
		    load_segment(vm, up->start, &ph[i])) {
			vm_free(vm);
			return "out of memory";
		}
	vm->heap_start = vm->brk = PAGE_UP(end);
	return NULL;
}

/* Loads each embedded program into an address space of its own and makes
 * it a process; a program that cannot be loaded is reported and left
 * out. With `bench`, only the benchmark, else all but the benchmark. */
void load_programs(int bench)
{
	for (const struct user_program *up = user_programs; up->name; up++) {
		const struct elf32_ehdr *eh =
			(const struct elf32_ehdr *)up->start;
		struct proc *p = NULL;
		struct vm vm;
		const char *why;

		if (bench != !strcmp(up->name, BENCH_PROGRAM))
			continue;
		why = load_elf(&vm, up);
		if (!why) {
			p = proc_create(up->name, &vm, eh->e_entry);
			why = p ? NULL : "no free process slot";
			if (!p)
				vm_free(&vm);
		}
		if (why)
			printf("kernel: cannot load %s: %s\n", up->name, why);
		else
			printf("kernel: pid %d (%s) loaded at %08x, entry %08x\n",
			       p->pid, up->name, USER_BASE, eh->e_entry);
	}
}
