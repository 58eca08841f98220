/*
 * forkbench: the life of a small process, fork + exit + wait, N times,
 * timed with rdtsc (under -icount a cycle is one instruction, so the
 * figure is exact and repeatable). The kernel runs it alone, with
 * "bench" on its command line, and reports its exit status, the
 * instructions per iteration, as "BENCH fork_exit" (bench.c). -1 if a
 * call failed.
 */
#include <arch/x86.h>
#include <ulib_vm.h>

#define WARMUP 2
#define N      32

static int once(void)
{
	int status = -1, pid = fork();

	if (pid == 0)
		exit(0);
	return pid > 0 && wait(&status) == pid && status == 0;
}

int main(void)
{
	uint64_t t0, t1;
	uint32_t each;
	int ok = 1;

	for (int i = 0; i < WARMUP; i++)
		ok &= once();
	t0 = rdtsc();
	for (int i = 0; i < N; i++)
		ok &= once();
	t1 = rdtsc();
	each = (uint32_t)(t1 - t0) / N;
	printf("%d x fork + exit + wait: %u instructions each\n", N, each);
	return ok ? (int)each : -1;
}
