/*
 * The provided paravirtualized guest kernel. Lab 2 gave it user
 * processes: the programs embedded in its image run in ring 3, make
 * system calls through the fast gate, take turns (round robin, at their
 * system calls) and are killed when they fault, while the others go on.
 * Lab 3 gives each process an address space of its own, built through
 * the VMM's page-table hypercalls, with demand-zero stack and heap, fork
 * (copy-on-write), wait and sbrk. Later labs give it events, a timer and
 * devices. Everything privileged goes through `platform`
 * (include/guest/platform.h).
 *
 *   main.c       boot, the benchmark, and the end
 *   trap.c       the trap table; faults of processes and of the kernel
 *   entry.S      entry stubs, trapframes, swtch
 *   proc.c       processes and the scheduler; fork, wait, exit
 *   syscall.c    the system calls
 *   loader.c     the ELF loader of the embedded programs
 *   vm.c         address spaces: page tables, demand-zero, copy-on-write
 *   page.c       the page allocator
 *   memlayout.h  the map of an address space
 *
 * With "bench" on its command line, the kernel runs only the benchmark
 * program, forkbench, and reports its exit status: the instructions one
 * fork + exit + wait takes.
 */
#include <stdarg.h>
#include <lib/cmdline.h>
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

/* Every page the processes used must be back: their tables unpinned and
 * writable again, their pages and stacks released. */
static void check_pages(void)
{
	unsigned lost = pages_total() - pages_free();

	if (lost)
		printf("kernel: %u of %u pages lost\n", lost, pages_total());
	else
		printf("kernel: all %u pages back\n", pages_total());
}

void guest_main(void)
{
	const struct start_info *si = start_info;
	int bench = cmdline_get(si->cmd_line, "bench", 0, 0);

	printf("guest kernel on the %s platform\n", platform->name);
	printf("command line: \"%s\"\n", si->cmd_line);
	printf("memory: %u KiB (%u pages)\n", si->nr_pages * 4, si->nr_pages);
	trap_init();
	vm_init();   /* the kernel's address space, without a user window */
	page_init(); /* every page above the boot stack */
	printf("pages for processes: %u\n", pages_total());
	load_programs(bench);
	scheduler();
	printf("kernel: all processes done\n");
	check_pages();
	if (bench && kernel_reaped_status > 0)
		printf("BENCH fork_exit %d cycles\n", kernel_reaped_status);
	printf("goodbye\n");
	guest_exit(SHUTDOWN_poweroff);
}
