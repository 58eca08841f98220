/*
 * bench_boot: how long the VMM takes from its first instruction to the
 * first instruction of the first guest (head.S reads the tsc there; the
 * VMM prints its own entry tsc when booted with "bench"). grade/bench.sh
 * subtracts the two.
 */
#include <guest/test.h>

const char test_title[] = "benchmark: VMM entry to the first guest instruction";

void test_main(void)
{
	bench_report("guest_first_tsc", (uint32_t)first_tsc, "cycles");
	xtf_success("measured");
}
