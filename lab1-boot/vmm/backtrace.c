/*
 * Backtraces through the frame-pointer chain. The VMM is compiled with
 * -fno-omit-frame-pointer, so every function starts with
 *     push %ebp; mov %esp, %ebp
 * and at any moment:  ebp -> [saved ebp of the caller][return address].
 * entry.S and the trap entry set ebp = 0 where the chain must end.
 */
#include <lib/exercise.h>
#include <vmm/printk.h>
#include <vmm/symbols.h>

#define BACKTRACE_MAX 16

extern char __vmm_start[], __vmm_end[];

/* A frame pointer we may follow: aligned, and both words inside the VMM
 * image (every VMM stack is there). A backtrace runs when something is
 * already wrong, so it must not fault on a corrupted chain. */
static int frame_ok(uint32_t ebp)
{
	return (ebp & 3) == 0 && ebp >= (uint32_t)(uintptr_t)__vmm_start &&
	       ebp + 8 <= (uint32_t)(uintptr_t)__vmm_end;
}

/* Prints one line per frame, print_symbol_line(return address, 1), at
 * most BACKTRACE_MAX; stops at a frame pointer of 0, and at one that
 * frame_ok refuses, after the line "  [bad frame pointer XXXXXXXX]"
 * (printk's %08x). */
void backtrace(uint32_t ebp)
{
	/* BEGIN LAB 1 EXERCISE 9 (backtrace) */
	(void)ebp, (void)frame_ok;
	EXERCISE_STUB(1, 9, "backtrace");
	/* END LAB 1 EXERCISE 9 */
}
