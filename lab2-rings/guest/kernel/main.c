/*
 * The provided paravirtualized guest kernel. Lab 2 gives it user
 * processes: the programs embedded in its image run in ring 3, make
 * system calls through the fast gate, take turns (round robin, at their
 * system calls) and are killed when they fault, while the others go on.
 * Later labs add to it through the hooks of kernel.h, in files of their
 * own: lab 3 an address space per process, fork, wait and sbrk; then
 * events, a timer and devices. Everything privileged goes through
 * `platform` (include/guest/platform.h).
 *
 *   main.c        boot, and the end
 *   trap.c        the trap table; faults of processes and of the kernel
 *   entry.S       entry stubs, trapframes, swtch
 *   proc.c        processes and the scheduler; exit
 *   syscall.c     the system calls
 *   loader.c      the ELF loader of the embedded programs
 *   elf_check.c   the checks of an ELF header
 *   vm.h          the memory of a process (kernel.h's memory model)
 *   vm_hooks.c    lab 2's memory model: the user window, shared by all
 *   kernel.h      the kernel's interfaces and its hook points
 */
#include <stdarg.h>
#include <lib/printfmt.h>
#include <guest/console.h>
#include <guest/lib.h>
#include <guest/platform.h>
#include <public/sched.h>
#include <kernel.h>

/* A kernel bug, or a platform that refused us: nothing can go on. */
__noreturn void panic(const char *fmt, ...)
{
	char msg[120];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printf("kernel: panic: %s\n", msg);
	guest_exit(SHUTDOWN_crash);
}

/* Runs the steps of a table (BOOT_STEP, END_STEP), lowest prio first. */
static void run_steps(const struct step_entry *start,
		      const struct step_entry *end)
{
	for (int prio = 0; prio < 100; prio++)
		for (const struct step_entry *e = start; e < end; e++)
			if (e->prio == prio)
				e->fn();
}

void guest_main(void)
{
	const struct start_info *si = start_info;

	printf("guest kernel on the %s platform\n", platform->name);
	printf("command line: \"%s\"\n", si->cmd_line);
	printf("memory: %u KiB (%u pages)\n", si->nr_pages * 4, si->nr_pages);
	trap_init();
	run_steps(__start_boot_steps, __stop_boot_steps);
	load_programs();
	scheduler();
	printf("kernel: all processes done\n");
	run_steps(__start_end_steps, __stop_end_steps);
	printf("goodbye\n");
	guest_exit(SHUTDOWN_poweroff);
}
