/*
 * sleeper: sleeps NAP_NS, ROUNDS times, and says how late each wake-up
 * was: the time from its deadline until it ran again (the one-shot
 * timer's event, the kernel's wake-up, then its turn on the CPU). An
 * early wake-up is a kernel bug: exit status 1. The line at the end
 * gives the latest.
 */
#include <ulib_time.h>

#define ROUNDS 4
#define NAP_NS (5 * NS_PER_MS)

/* "1.234 ms", from microseconds. */
#define MS_FMT	    "%u.%03u ms"
#define MS_ARGS(us) (us) / 1000, (us) % 1000

int main(void)
{
	uint32_t worst_us = 0;
	int early = 0;

	for (int i = 1; i <= ROUNDS; i++) {
		uint64_t t0 = time_ns(), slept;
		uint32_t late_us;

		sleep_ns(NAP_NS);
		slept = time_ns() - t0;
		if (slept < NAP_NS) {
			early++;
			printf("sleep %d of %u ms: woke " MS_FMT " early\n", i,
			       NAP_NS / NS_PER_MS,
			       MS_ARGS((uint32_t)(NAP_NS - slept) / NS_PER_US));
			continue;
		}
		late_us = (uint32_t)(slept - NAP_NS) / NS_PER_US;
		if (late_us > worst_us)
			worst_us = late_us;
		printf("sleep %d of %u ms: woke " MS_FMT " late\n", i,
		       NAP_NS / NS_PER_MS, MS_ARGS(late_us));
	}
	if (early) {
		printf("%d of %d sleeps woke early\n", early, ROUNDS);
		return 1;
	}
	printf("%d sleeps of %u ms: none early, at most " MS_FMT " late\n",
	       ROUNDS, NAP_NS / NS_PER_MS, MS_ARGS(worst_us));
	return 0;
}
