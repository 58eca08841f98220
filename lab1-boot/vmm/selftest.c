/*
 * Self-tests of the VMM's own failure paths, chosen on the VMM command
 * line (QEMU -append):
 *   selftest=fault   a page fault inside the VMM: register dump, backtrace
 *   selftest=panic   a panic: message and backtrace
 *   selftest=NAME    a self-test a later lab provides (selftest_arm)
 *   bench            print the tsc at VMM entry, for the boot benchmark
 * The grader uses them to check the backtrace (exercise 9). The nested
 * noinline functions give the backtrace known names to show.
 */
#include <lib/string.h>
#include <lib/cmdline.h>
#include <vmm/printk.h>
#include <vmm/selftest.h>

extern uint64_t boot_tsc; /* entry.S */
static volatile uint32_t *volatile null_pointer;

/* A later lab's self-test (lab 2: exitfault.c) replaces this weak
 * default. It returns 1 if it knows `what` and has armed itself (it then
 * acts later, on the domains it builds), 0 if `what` is not its name. */
int selftest_arm(const char *what);
__weak int selftest_arm(const char *what)
{
	(void)what;
	return 0;
}

__attribute__((noinline)) static void selftest_leaf(int fault)
{
	if (fault)
		*null_pointer = 0xdead; /* address 0: not mapped in the VMM */
	else
		panic("selftest: deliberate panic");
	__asm__ volatile("" ::: "memory"); /* no tail call above */
}

__attribute__((noinline)) static void selftest_middle(int fault)
{
	selftest_leaf(fault);
	__asm__ volatile("" ::: "memory");
}

void selftest_run(const char *vmm_cmdline)
{
	char what[16];

	if (cmdline_get(vmm_cmdline, "bench", NULL, 0))
		printk("BENCH vmm_entry_tsc %u cycles\n", (uint32_t)boot_tsc);
	if (!cmdline_get(vmm_cmdline, "selftest", what, sizeof(what)))
		return;
	printk("selftest: %s\n", what);
	if (selftest_arm(what))
		return;
	selftest_middle(strcmp(what, "fault") == 0);
}
