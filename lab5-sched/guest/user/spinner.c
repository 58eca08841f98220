/*
 * spinner: two processes that never give up the CPU. Each computes in
 * user mode, a fixed amount of work in ROUNDS rounds, and reads the time
 * between steps of it. Without preemption (labs 2 to 4, or "notick" on
 * the kernel's command line) the first works to its end before the
 * other starts; with lab 5's time slices they take turns.
 *
 * A spinner cannot see the other run, but it sees the time jump: when
 * more than GAP_NS passed between two of its readings (some tens of
 * microseconds apart), it was off the CPU meanwhile: another process
 * ran, or, with several domains, another domain. It counts those gaps
 * and adds up the rest, its own running time, and prints a line after
 * each round: when the two take turns, their lines interleave on the
 * console. (The work is counted, not timed, so that a spinner ends
 * whatever its clock says.)
 *
 * It first sleeps START_NS, so that the sleeper measures its sleeps on
 * an idle CPU. Then it forks its twin, works, waits for the twin and
 * says whether both were off the CPU while they worked: exit status 0
 * if they took turns, 1 if not.
 */
#include <ulib_time.h>

#define START_NS (30 * NS_PER_MS)
#define GAP_NS	 NS_PER_MS
#define ROUNDS	 5
#define STEPS	 170   /* steps of a round: about 10 ms under -icount */
#define WORK	 10000 /* turns of the busy loop in a step */

/* One step of work in user mode, some tens of microseconds of it. (A
 * loop of nothing but time_ns calls would spend most of its time in the
 * kernel, where the kernel never preempts: guest/kernel/preempt.c.) */
static void step(void)
{
	for (volatile uint32_t i = 0; i < WORK; i++)
		;
}

/* Does the work; returns how often it was off the CPU meanwhile. */
static int spin(const char *who)
{
	uint64_t start = time_ns(), last = start;
	uint32_t ran = 0;
	int gaps = 0;

	for (int r = 1; r <= ROUNDS; r++) {
		for (int s = 0; s < STEPS; s++) {
			uint64_t t;

			step();
			t = time_ns();
			if (t - last > GAP_NS)
				gaps++;
			else
				ran += (uint32_t)(t - last);
			last = t;
		}
		printf("%s: round %d of %d, off the CPU %d times so far\n", who,
		       r, ROUNDS, gaps);
	}
	printf("%s: ran %u ms in %u ms, off the CPU %d times\n", who,
	       ran / NS_PER_MS, (uint32_t)(last - start) / NS_PER_MS, gaps);
	return gaps;
}

int main(void)
{
	int pid, gaps, twin_gaps = 0;

	sleep_ns(START_NS);
	pid = fork();
	if (pid == 0)
		exit(spin("B"));
	if (pid < 0) {
		printf("fork failed (%d)\n", pid);
		return 1;
	}
	gaps = spin("A");
	if (wait(&twin_gaps) != pid)
		return 1;
	if (gaps > 0 && twin_gaps > 0) {
		printf("A and B took turns\n");
		return 0;
	}
	printf("A and B did not take turns\n");
	return 1;
}
