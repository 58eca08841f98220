/*
 * The programs embedded in the kernel (guest/user/programs.S), each loaded
 * into the memory that the memory model gives it (kernel.h): in lab 2 its
 * slot of the user window, from lab 3 on an address space of its own.
 *
 * Invariant: a program is loaded only if every segment lies in the area
 * the model gives it (vm_area) and its entry point in a segment; a
 * refused image leaves nothing behind.
 */
#include <stddef.h>
#include <lib/elf32.h>
#include <guest/console.h>
#include <kernel.h>

/* One embedded program (from the USER_PROGS of every lab.mk); the table
 * ends with a NULL name. */
struct user_program {
	const char *name;
	const uint8_t *start, *end; /* its ELF image */
};
extern const struct user_program user_programs[];

/* Every program runs unless a later lab says otherwise (a hook of
 * kernel.h). */
__weak int program_wanted(const char *name)
{
	(void)name;
	return 1;
}

/* Whether segment ph gives the program memory (an empty one does not). */
static int loadable(const struct elf32_phdr *ph)
{
	return ph->p_type == PT_LOAD && ph->p_memsz != 0;
}

/* Checks the loadable segments and the entry point against the area [lo,
 * hi); NULL or a reason. *end gets the end of the highest segment. */
static const char *check_segments(const uint8_t *img, uint32_t size,
				  uint32_t lo, uint32_t hi, uint32_t *end)
{
	const struct elf32_ehdr *eh = (const struct elf32_ehdr *)img;
	const struct elf32_phdr *ph = (const void *)(img + eh->e_phoff);
	int entry_ok = 0;

	*end = lo;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (!loadable(&ph[i]))
			continue;
		if (ph[i].p_filesz > ph[i].p_memsz ||
		    !in_range(ph[i].p_offset, ph[i].p_filesz, 0, size))
			return "a segment is not in the file";
		if (!in_range(ph[i].p_vaddr, ph[i].p_memsz, lo, hi))
			return "a segment is outside the user image area";
		*end = MAX(*end, ph[i].p_vaddr + ph[i].p_memsz);
		entry_ok |= in_range(eh->e_entry, 1, ph[i].p_vaddr,
				     ph[i].p_vaddr + ph[i].p_memsz);
	}
	return entry_ok ? NULL : "the entry point is in no segment";
}

/* Builds the memory of program i (up) in vm; NULL or a reason. *lo gets
 * where its image area starts. */
static const char *load_elf(struct vm *vm, int i, const struct user_program *up,
			    uint32_t *lo)
{
	const struct elf32_ehdr *eh = (const struct elf32_ehdr *)up->start;
	const struct elf32_phdr *ph;
	uint32_t size = (uint32_t)(up->end - up->start), hi, end;
	const char *why = vm_area(i, lo, &hi);

	if (!why)
		why = elf_check_header(eh, size);
	if (!why)
		why = check_segments(up->start, size, *lo, hi, &end);
	if (why)
		return why;
	if (vm_new(vm, i, end))
		return "out of memory";
	ph = (const struct elf32_phdr *)(up->start + eh->e_phoff);
	for (int k = 0; k < eh->e_phnum; k++)
		if (loadable(&ph[k]) &&
		    vm_copy(vm, ph[k].p_vaddr, up->start + ph[k].p_offset,
			    ph[k].p_filesz, ph[k].p_memsz,
			    ph[k].p_flags & PF_W)) {
			vm_free(vm);
			return "out of memory";
		}
	return NULL;
}

/* Loads each wanted program into memory of its own and makes it a
 * process; a program that cannot be loaded is reported and left out. */
void load_programs(void)
{
	for (int i = 0; user_programs[i].name; i++) {
		const struct user_program *up = &user_programs[i];
		const struct elf32_ehdr *eh =
			(const struct elf32_ehdr *)up->start;
		struct proc *p = NULL;
		struct vm vm;
		uint32_t lo;
		const char *why;

		if (!program_wanted(up->name))
			continue;
		why = load_elf(&vm, i, up, &lo);
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
			       p->pid, up->name, lo, eh->e_entry);
	}
}
