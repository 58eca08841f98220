/*
 * switchbench: the cost of a context switch in the provided guest
 * kernel. A process and its child yield to each other N times; each
 * yield of the parent is two switches (to the child and back), each a
 * system call, the scheduler, and the switch of address space and kernel
 * stack (run() in proc.c: two hypercalls, or one multicall). Timed with
 * rdtsc: under -icount a cycle is one instruction, so the figure is exact
 * and repeatable. The kernel runs it alone with "bench=switchbench" on
 * its command line and reports its exit status, the instructions per
 * switch, as "BENCH switchbench" (lab 3's bench.c). -1 if a call failed.
 */
#include <arch/x86.h>
#include <ulib_vm.h>

#define WARMUP 4 /* the copy-on-write faults after fork happen here */
#define N      256

int main(void)
{
	uint64_t t0, t1;
	uint32_t each;
	int status = -1, pid = fork();

	if (pid == 0) {
		/* One more than the parent: its last yield finds the child
		 * still there, so every timed yield is two switches. */
		for (int i = 0; i < WARMUP + N + 1; i++)
			yield();
		exit(0);
	}
	if (pid < 0)
		return -1;
	for (int i = 0; i < WARMUP; i++)
		yield();
	t0 = rdtsc();
	for (int i = 0; i < N; i++)
		yield();
	t1 = rdtsc();
	each = (uint32_t)(t1 - t0) / (2 * N);
	printf("%d x 2 switches: %u instructions each\n", N, each);
	return wait(&status) == pid && status == 0 ? (int)each : -1;
}
