/* Reading the published time (include/guest/time_read.h). */
#include <arch/x86.h>
#include <guest/time_read.h>
#include <lib/time_scale.h>

#define barrier() __asm__ volatile("" ::: "memory")

uint64_t time_read(volatile struct vcpu_time_info *t, uint32_t *version)
{
	uint32_t v;
	uint64_t ns;

	do {
		v = t->version;
		barrier();
		ns = t->system_time + scale_delta(rdtsc() - t->tsc_timestamp,
						  t->tsc_to_system_mul,
						  t->tsc_shift);
		barrier();
	} while ((v & 1) || v != t->version);
	if (version)
		*version = v;
	return ns;
}

uint32_t wallclock_read(volatile struct shared_info *s)
{
	uint32_t v, sec, nsec;

	do {
		v = s->wc_version;
		barrier();
		sec = s->wc_sec;
		nsec = s->wc_nsec;
		barrier();
	} while ((v & 1) || v != s->wc_version);
	return sec +
	       (uint32_t)udiv64(nsec + time_read(&s->vcpu_info[0].time, 0),
				1000000000u);
}
