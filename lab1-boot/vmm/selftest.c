/*
 * Self-tests of the VMM's own failure paths, chosen on the VMM command
 * line (QEMU -append):
 *   selftest=fault   a page fault inside the VMM: register dump, backtrace
 *   selftest=panic   a panic: message and backtrace
 *   selftest=badframe  a panic below a corrupted frame-pointer chain
 *   selftest=tailcall  a panic below a call that is its function's last
 *                    instruction
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

/* selftest=badframe: the saved %ebp of this frame, the link to the
 * caller's, is overwritten with one no frame can have (unaligned, below
 * the VMM): the panic's backtrace must stop there, saying so, and not
 * follow it (a fault inside the backtrace would hide the panic). */
__attribute__((noinline)) static void selftest_bad_chain(void)
{
	__asm__ volatile("movl $0x123, (%%ebp)" ::: "memory");
	panic("selftest: a corrupted frame chain");
	__asm__ volatile("" ::: "memory"); /* no tail call above */
}

/* selftest=tailcall: selftest_tail_call (below, in assembly) ends with a
 * call to selftest_die, which never returns: the return address is the
 * first byte of the next function, selftest_after_tail. The backtrace
 * must name selftest_tail_call for it (print_symbol_line(addr, 1)). */
__attribute__((noinline, noreturn, used)) static void selftest_die(void)
{
	panic("selftest: a call at a function's very end");
}

void selftest_tail_call(void);
__asm__(".text\n"
	".type selftest_tail_call, @function\n"
	"selftest_tail_call:\n"
	"	pushl %ebp\n"
	"	movl %esp, %ebp\n"
	"	call selftest_die\n"
	".type selftest_after_tail, @function\n"
	"selftest_after_tail:\n"
	"	ret\n");

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
	if (!strcmp(what, "badframe"))
		selftest_bad_chain();
	if (!strcmp(what, "tailcall"))
		selftest_tail_call();
	selftest_middle(strcmp(what, "fault") == 0);
}
