/*
 * Reading the time the VMM publishes in a guest's shared-info page
 * (guest/lib/time_read.c), for the guest kernel and the test library
 * alike: both are seqlock readers, which read again while the version
 * says the VMM was updating (odd) or updated meanwhile (changed).
 */
#ifndef GUEST_TIME_READ_H
#define GUEST_TIME_READ_H

#include <stdint.h>
#include <public/shared_info.h>

/* System time now (ns since the VMM booted): the published time plus
 * the TSC ticks since it was published, scaled. *version (if not NULL)
 * gets the version the reading was taken under. */
uint64_t time_read(volatile struct vcpu_time_info *t, uint32_t *version);

/* The wall clock now, in seconds since 1970: the published wall clock
 * of system time 0, plus system time (read from vcpu_info[0]). */
uint32_t wallclock_read(volatile struct shared_info *s);

#endif
