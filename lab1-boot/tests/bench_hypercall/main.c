/*
 * bench_hypercall: the round trip of a hypercall that does nothing
 * (console_io writing 0 bytes): guest -> trampoline -> VMM -> dispatch ->
 * back. Times N calls and an empty loop of the same shape; the difference
 * divided by N is the cost of one call. Under -icount, a cycle is one
 * executed instruction, so the figure is exact and repeatable.
 */
#include <guest/test.h>

const char test_title[] = "benchmark: null hypercall round trip";

#define N 1000

void test_main(void)
{
	uint64_t t0, t1, t2;

	HYPERVISOR_console_io(CONSOLEIO_write, 0, 0); /* warm up */
	t0 = rdtsc();
	for (int i = 0; i < N; i++)
		__asm__ volatile("" ::: "memory");
	t1 = rdtsc();
	for (int i = 0; i < N; i++)
		HYPERVISOR_console_io(CONSOLEIO_write, 0, 0);
	t2 = rdtsc();
	bench_report("null_hypercall", (uint32_t)((t2 - t1) - (t1 - t0)) / N,
		     "cycles");
	xtf_success("measured");
}
