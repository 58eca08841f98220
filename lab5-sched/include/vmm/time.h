/*
 * Time in the VMM (lab 5). System time is nanoseconds since boot, read
 * from the TSC and scaled (lib/time_scale.h) by the rate measured at boot
 * against the PIT, whose 1,193,182 Hz crystal is the one rate the PC
 * fixes. Under -icount the TSC counts executed instructions (plus the
 * time skipped while halted), so every figure is exact and repeatable.
 * The wall clock is the CMOS clock read once at boot, plus system time.
 */
#ifndef VMM_TIME_H
#define VMM_TIME_H

#include <stdint.h>
#include <lib/time_scale.h>

#define NSEC_PER_USEC 1000ull
#define NSEC_PER_MSEC 1000000ull
#define NSEC_PER_SEC  1000000000ull

extern uint64_t tsc_hz;		    /* measured at boot */
extern uint64_t time0_tsc;	    /* the TSC at system time 0 */
extern struct time_scale tsc_scale; /* TSC ticks -> ns */
extern uint32_t wall_sec_at_boot;   /* seconds since 1970 at time 0 */

/* Nanoseconds since boot. */
uint64_t now_ns(void);

/* The TSC ticks of ns nanoseconds, for a PIT shot (ns below 2^26, and
 * a TSC below 64 GHz: vmm/pit.c, when a shot fires). */
uint32_t ns_to_tsc32(uint32_t ns);

/* vmm/time.c: measures the TSC against the PIT and reads the CMOS clock;
 * prints one line with both. */
void time_init(void);

/* Seconds since 1970 of a calendar date (UTC), for the CMOS clock. */
uint32_t seconds_since_1970(unsigned year, unsigned mon, unsigned day,
			    unsigned hour, unsigned min, unsigned sec);

#endif
