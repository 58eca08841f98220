/*
 * Time as guests see it (vmm/vtime.c): the VMM publishes in each
 * domain's shared-info page what a guest needs to read system time
 * without entering the VMM - a TSC reading, the system time at that
 * reading, and the scale - and the wall clock at system time 0.
 */
#ifndef VMM_VTIME_H
#define VMM_VTIME_H

#include <vmm/domain.h>

/*
 * LAB 5 EXERCISE 3. Publishes the time in d's vcpu_info[0].time (public/
 * shared_info.h) as a seqlock writer: version made odd first, then
 * tsc_timestamp (the TSC now), system_time (the system time of that same
 * reading, scaled from time0_tsc), tsc_to_system_mul and tsc_shift
 * (tsc_scale), then version made even again; compiler barriers keep the
 * stores in that order. A guest that reads an odd version, or a
 * different version after its reads, reads again.
 */
void update_vcpu_time(struct domain *d);

/* Publishes the wall clock (wc_sec, wc_nsec: the time since 1970 at
 * system time 0) the same way, under wc_version. */
void update_wallclock(struct domain *d);

#endif
