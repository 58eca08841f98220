/*
 * Turning TSC ticks into nanoseconds without a division (lab 5). Xen
 * publishes the same two numbers in every vcpu_time_info, so a guest
 * converts as the VMM does:
 *
 *   ns = ((ticks << shift) * mul_frac) >> 32      (shift < 0: >> -shift)
 *
 * mul_frac is a fraction of 2^32 (in [2^31, 2^32) once chosen by
 * time_scale_for), and shift brings the ratio of the two rates into the
 * range a 32-bit fraction can express. Shared by the VMM and guests.
 */
#ifndef LIB_TIME_SCALE_H
#define LIB_TIME_SCALE_H

#include <stdint.h>

struct time_scale {
	uint32_t mul_frac;
	int8_t shift;
};

/*
 * LAB 5 EXERCISE 1. Scales delta (ticks) by (mul_frac / 2^32) * 2^shift:
 * the formula above, exactly, for any delta up to 2^63 >> shift (shift
 * in -31..31): the 96-bit product is taken as two 64-bit products of the
 * low and high halves, so nothing overflows and no 64-bit division
 * (which the freestanding build has not got) is needed.
 */
uint64_t scale_delta(uint64_t delta, uint32_t mul_frac, int shift);

/* n / d (d != 0), rounded down: the freestanding build has no 64-bit
 * division (libgcc is not linked), so lib/time_scale.c does it with two
 * 32-bit divisions when d fits in 32 bits, and bit by bit otherwise. */
uint64_t udiv64(uint64_t n, uint64_t d);

/* The scale that turns ticks at from_hz into ticks at to_hz (both
 * non-zero, their ratio between 2^-31 and 2^31). */
void time_scale_for(struct time_scale *s, uint64_t from_hz, uint64_t to_hz);

#endif
