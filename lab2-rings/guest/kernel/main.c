/*
 * The provided paravirtualized guest kernel. Lab 2 gives it user
 * processes: the programs embedded in its image run in ring 3, make
 * system calls through the fast gate, take turns (round robin, at their
 * system calls) and are killed when they fault, while the others go on.
 * Later labs give it page tables, events, a timer and devices.
 * Everything privileged goes through `platform` (include/guest/platform.h).
 *
 *   main.c      boot, and the end
 *   trap.c      the trap table; faults of processes and of the kernel
 *   entry.S     entry stubs, trapframes, swtch
 *   proc.c      processes and the scheduler
 *   syscall.c   the system calls
 *   loader.c    the user window and the ELF loader
 */
#include <stdarg.h>
#include <lib/printfmt.h>
#include <guest/console.h>
#include <guest/lib.h>
#include <guest/platform.h>
#include <public/layout.h>
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

void guest_main(void)
{
	const struct start_info *si = start_info;

	printf("guest kernel on the %s platform\n", platform->name);
	printf("command line: \"%s\"\n", si->cmd_line);
	printf("memory: %u KiB (%u pages)\n", si->nr_pages * 4, si->nr_pages);
	user_window_init();
	if (user_window_end() > KIT_USER_BASE)
		printf("user window: %08x-%08x\n", KIT_USER_BASE,
		       user_window_end());
	else
		printf("user window: none (too little memory)\n");
	trap_init();
	load_programs();
	scheduler();
	printf("kernel: all processes done\n");
	printf("goodbye\n");
	guest_exit(SHUTDOWN_poweroff);
}
