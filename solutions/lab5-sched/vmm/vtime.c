/* Publishing time to guests (vmm/vtime.h). */
#include <arch/x86.h>
#include <lib/exercise.h>
#include <public/shared_info.h>
#include <vmm/builder.h>
#include <vmm/registry.h>
#include <vmm/time.h>
#include <vmm/vtime.h>

#define barrier() __asm__ volatile("" : : : "memory")

void update_vcpu_time(struct domain *d)
{
	struct vcpu_time_info *t = &d->ext.shared->vcpu_info[0].time;
	uint64_t tsc = rdtsc();

	/* BEGIN LAB 5 EXERCISE 3 (update_vcpu_time) */
	t->version |= 1;
	barrier();
	t->tsc_timestamp = tsc;
	t->system_time = scale_delta(tsc - time0_tsc, tsc_scale.mul_frac,
				     tsc_scale.shift);
	t->tsc_to_system_mul = tsc_scale.mul_frac;
	t->tsc_shift = tsc_scale.shift;
	barrier();
	t->version++;
	/* END LAB 5 EXERCISE 3 */
}

void update_wallclock(struct domain *d)
{
	struct shared_info *s = d->ext.shared;

	s->wc_version |= 1;
	barrier();
	s->wc_sec = wall_sec_at_boot;
	s->wc_nsec = 0;
	barrier();
	s->wc_version++;
}

/* A new domain finds the time published before its first instruction. */
static int publish_time(struct domain *d, struct build_info *b)
{
	(void)b;
	update_wallclock(d);
	update_vcpu_time(d);
	return 0;
}
BUILD_STEP(70, publish_time);
