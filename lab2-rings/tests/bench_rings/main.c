/*
 * bench_rings: what the paths of lab 2 cost, in instructions (-icount).
 *  - fast_syscall: int $0x80 from ring 3 through the real IDT gate the VMM
 *    installed (exercise 7) straight into the guest kernel, and iret back;
 *  - slow_syscall: the same with TI_IF set, so the gate stays the VMM's:
 *    #GP into the VMM, software_interrupt, bounce, iret;
 *  - exception_bounce: int3 in ring 1, bounced by the VMM to the guest's
 *    handler, which returns at once;
 *  - gp_trap: cli in ring 3: #GP into the VMM, bounced to the guest
 *    kernel, which steps over it.
 * Each is measured over 1000 iterations, less the same run with none.
 */
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "benchmark: system calls, bounces and traps";

void bench_iret(void);
void bench_skip_gp(void);
void user_int80_x1000(void);
void user_cli_x1000(void);
void user_empty(void);
void kernel_int3_x1000(void);
void kernel_empty_x1000(void);

#define N 1000

/* Instructions per iteration of user code fn (1000 iterations). */
static uint32_t per_user_call(void (*fn)(void))
{
	struct fault f;
	uint64_t t0, t1, t2;

	t0 = rdtsc();
	exec_user(user_empty, &f);
	t1 = rdtsc();
	exec_user(fn, &f);
	t2 = rdtsc();
	if (f.vector != USER_DONE_VECTOR)
		xtf_error("the benchmark faulted: vector %u", f.vector);
	return (uint32_t)((t2 - t1) - (t1 - t0)) / N;
}

/* Instructions per int3 round trip in ring 1: two loops of the same shape,
 * in assembly so that the compiler adds nothing to either. */
static uint32_t per_int3(void)
{
	uint64_t t0, t1, t2;

	t0 = rdtsc();
	kernel_empty_x1000();
	t1 = rdtsc();
	kernel_int3_x1000();
	t2 = rdtsc();
	return (uint32_t)((t2 - t1) - (t1 - t0)) / N;
}

void test_main(void)
{
	trap_set(FAST_TRAP_VECTOR, 3, 0, bench_iret);
	bench_report("fast_syscall", per_user_call(user_int80_x1000), "cycles");
	trap_set(FAST_TRAP_VECTOR, 3, 1, bench_iret);
	bench_report("slow_syscall", per_user_call(user_int80_x1000), "cycles");
	trap_set(3, 3, 0, bench_iret);
	bench_report("exception_bounce", per_int3(), "cycles");
	trap_set(13, 0, 0, bench_skip_gp);
	bench_report("gp_trap", per_user_call(user_cli_x1000), "cycles");
	xtf_success("measured");
}
