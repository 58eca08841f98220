/*
 * scale_delta (exercise 1): ticks to nanoseconds (or back) without a
 * division, ((delta << shift) * mul_frac) >> 32 with a negative shift a
 * right shift of delta first. Every result is compared, exactly, with
 * the same formula worked out in 128-bit arithmetic on the host.
 * Checked:
 *  - a few results worked out by hand (a fraction of one half, rounding
 *    down, the carry out of the low half's product);
 *  - every shift from -31 to 31, with mul_frac 0, 1, 2^31, 2^32 - 1 and
 *    values between, and delta 0, 1, 2^32 - 1, 2^32, 2^32 + 1 and large
 *    ones up to the documented limit (2^63 >> shift; any delta at all
 *    for a negative shift), the limit itself included;
 *  - many pseudo-random cases (a fixed seed) of every size;
 *  - with a scale from time_scale_for (provided code), as lib/time.c
 *    uses it: TSCs of 1 GHz, 2.1 GHz and 4 GHz, the PIT's 1.193182 MHz
 *    and a 32 kHz clock to nanoseconds, and nanoseconds back to TSC
 *    ticks: for runs from one second to a year, the result is never
 *    more than the exact value and at most 1 ns per second (one part in
 *    10^9) plus two roundings below it;
 *  - udiv64 (provided code, which the kit's scheduler and time code
 *    divide with) against the host's division.
 */
#include <inttypes.h>
#include <stdint.h>
#include <criterion/criterion.h>
#include <lib/time_scale.h>

typedef unsigned __int128 u128;

/* The formula of lib/time_scale.h in 128 bits: nothing can overflow. */
static uint64_t model(uint64_t delta, uint32_t mul_frac, int shift)
{
	u128 d = delta;

	if (shift < 0)
		d >>= -shift;
	else
		d <<= shift;
	return (uint64_t)((d * mul_frac) >> 32);
}

/* The largest delta scale_delta must take with this shift. */
static uint64_t limit(int shift)
{
	return shift >= 0 ? (1ull << 63) >> shift : UINT64_MAX;
}

static void check(uint64_t delta, uint32_t mul_frac, int shift)
{
	uint64_t got = scale_delta(delta, mul_frac, shift);
	uint64_t want = model(delta, mul_frac, shift);

	cr_assert_eq(got, want,
		     "scale_delta(%#" PRIx64 ", %#" PRIx32 ", %d) = %#" PRIx64
		     ", want %#" PRIx64,
		     delta, mul_frac, shift, got, want);
}

/* A fixed sequence of pseudo-random numbers (xorshift64*). */
static uint64_t rnd_state = 0x9E3779B97F4A7C15ull;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 0x2545F4914F6CDD1Dull;
}

Test(scale_delta, by_hand)
{
	/* One half, times two: the identity. */
	cr_assert_eq(scale_delta(1000, 1u << 31, 1), 1000);
	cr_assert_eq(scale_delta(1, 1u << 31, 1), 1);
	/* One half of 3 is 1: rounded down. */
	cr_assert_eq(scale_delta(3, 1u << 31, 0), 1);
	/* 2^-32: only from 2^32 on is it 1. */
	cr_assert_eq(scale_delta(0xFFFFFFFFull, 1, 0), 0);
	cr_assert_eq(scale_delta(1ull << 32, 1, 0), 1);
	/* Nothing at all times 0. */
	cr_assert_eq(scale_delta(UINT64_MAX, 0, -31), 0);
	cr_assert_eq(scale_delta(1ull << 32, 0, 31), 0);
	/* The low halves' product carries into the result. */
	cr_assert_eq(scale_delta(0x1FFFFFFFFull, 0xFFFFFFFFu, 0),
		     0x1FFFFFFFDull);
	/* The documented limit with shift 0; any delta with shift < 0. */
	cr_assert_eq(scale_delta(1ull << 63, 0xFFFFFFFFu, 0),
		     (1ull << 63) - (1ull << 31));
	cr_assert_eq(scale_delta(UINT64_MAX, 0xFFFFFFFFu, -1),
		     0x7FFFFFFF7FFFFFFFull);
	/* shift 31 at its limit (2^32), and shift -31. */
	cr_assert_eq(scale_delta(1ull << 32, 1u << 31, 31), 1ull << 62);
	cr_assert_eq(scale_delta(1, 0xFFFFFFFFu, 31), 0x7FFFFFFFull);
	cr_assert_eq(scale_delta(0x7FFFFFFFull, 0xFFFFFFFFu, -31), 0);
	cr_assert_eq(scale_delta(3ull << 31, 1u << 31, -31), 1);
}

Test(scale_delta, every_shift_and_edge)
{
	static const uint32_t fracs[] = {
		0,	     1,		  2,	       0x7FFFFFFFu, 0x80000000u,
		0x80000001u, 0xDEADBEEFu, 0xFFFFFFFEu, 0xFFFFFFFFu,
	};
	static const uint64_t deltas[] = {
		0,
		1,
		2,
		3,
		1000,
		0x7FFFFFFFull,
		0x80000000ull,
		0xFFFFFFFFull,
		1ull << 32,
		(1ull << 32) + 1,
		0x1FFFFFFFFull,
		0x123456789ull,
		0x0123456789ABCDEFull,
		0x7FFFFFFFFFFFFFFFull,
		1ull << 63,
		0xFEDCBA9876543210ull,
		UINT64_MAX,
	};

	for (int shift = -31; shift <= 31; shift++) {
		uint64_t lim = limit(shift);

		for (unsigned i = 0; i < sizeof(fracs) / sizeof(fracs[0]);
		     i++) {
			for (unsigned j = 0;
			     j < sizeof(deltas) / sizeof(deltas[0]); j++) {
				if (deltas[j] <= lim)
					check(deltas[j], fracs[i], shift);
				/* The same size near the limit. */
				check(lim >> (j % 40), fracs[i], shift);
			}
			check(lim, fracs[i], shift);
			check(lim - 1, fracs[i], shift);
			check(lim / 3, fracs[i], shift);
		}
	}
}

Test(scale_delta, random)
{
	for (int i = 0; i < 200000; i++) {
		int shift = (int)(rnd() % 63) - 31;
		uint32_t frac = (uint32_t)rnd();
		/* Every size of delta, not only 64-bit ones. */
		uint64_t delta = rnd() >> (rnd() % 64);

		if (i % 4 == 0)
			frac |= 1u << 31; /* as time_scale_for makes it */
		if (delta > limit(shift))
			delta = limit(shift) - (delta & 0xFFFF);
		check(delta, frac, shift);
	}
}

/* A scale from time_scale_for, applied to `ticks` at from_hz: never more
 * than the exact count at to_hz, and at most one part in 10^9 of it
 * (1 ns per second) plus 2 (the roundings of delta and of the result)
 * below it. */
static void check_round_trip(uint64_t from_hz, uint64_t to_hz, uint64_t ticks)
{
	struct time_scale s;
	uint64_t got, exact;

	time_scale_for(&s, from_hz, to_hz);
	cr_assert(s.mul_frac >= 1u << 31,
		  "time_scale_for(%" PRIu64 ", %" PRIu64
		  "): mul_frac %#" PRIx32,
		  from_hz, to_hz, s.mul_frac);
	cr_assert(ticks <= limit(s.shift), "test case beyond the limit");
	got = scale_delta(ticks, s.mul_frac, s.shift);
	exact = (uint64_t)((u128)ticks * to_hz / from_hz);
	cr_assert(got <= exact && exact - got <= 2 + exact / 1000000000u,
		  "%" PRIu64 " ticks at %" PRIu64 " Hz to %" PRIu64
		  " Hz (mul_frac %#" PRIx32 ", shift %d): %" PRIu64
		  ", exactly %" PRIu64,
		  ticks, from_hz, to_hz, s.mul_frac, s.shift, got, exact);
}

Test(scale_delta, round_trips)
{
	static const struct {
		uint64_t from_hz, to_hz;
	} rates[] = {
		{ 1000000000, 1000000000 }, /* a 1 GHz TSC */
		{ 2100000000, 1000000000 }, /* 2.1 GHz */
		{ 3999999999, 1000000000 }, /* just under 4 GHz */
		{ 2793647000, 1000000000 }, /* as calibrated */
		{ 1193182, 1000000000 },    /* the PIT */
		{ 32768, 1000000000 },	    /* a watch crystal */
		{ 1000000000, 2100000000 }, /* ns to TSC ticks */
		{ 1000000000, 2793647000 }, { 1000000000, 1193182 },
		{ 1, 2147483647 }, /* the ratio's extremes */
		{ 2147483647, 1 },
	};
	static const uint64_t secs[] = { 1, 2, 7, 60, 3600, 86400, 31536000 };

	for (unsigned i = 0; i < sizeof(rates) / sizeof(rates[0]); i++) {
		uint64_t f = rates[i].from_hz;

		for (unsigned j = 0; j < sizeof(secs) / sizeof(secs[0]); j++)
			check_round_trip(f, rates[i].to_hz, f * secs[j]);
		/* Short and odd intervals: a tick, a millisecond and a bit,
		 * random ones below a day. */
		check_round_trip(f, rates[i].to_hz, 0);
		check_round_trip(f, rates[i].to_hz, 1);
		check_round_trip(f, rates[i].to_hz, f / 1000 + 17);
		for (int k = 0; k < 1000; k++)
			check_round_trip(f, rates[i].to_hz,
					 rnd() % (f * 86400));
	}

	/* One second exactly, as the VMM's clock sees it. */
	{
		struct time_scale s;

		time_scale_for(&s, 1000000000, 1000000000);
		cr_assert_eq(scale_delta(1000000000, s.mul_frac, s.shift),
			     1000000000);
		time_scale_for(&s, 2100000000, 1000000000);
		cr_assert(scale_delta(2100000000, s.mul_frac, s.shift) >=
			  999999999);
	}
}

Test(scale_delta, udiv64)
{
	static const uint64_t ns[] = {
		0,
		1,
		2,
		99999,
		100000,
		100001,
		0xFFFFFFFFull,
		1ull << 32,
		0x123456789ABCDEFull,
		1ull << 63,
		UINT64_MAX - 1,
		UINT64_MAX,
	};
	static const uint64_t ds[] = {
		1,
		2,
		3,
		7,
		1000,
		100000,
		1000000000,
		0xFFFFFFFFull,
		1ull << 32,
		(1ull << 32) + 1,
		0x123456789ABCDEFull,
		1ull << 63,
		UINT64_MAX,
	};

	for (unsigned i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
		for (unsigned j = 0; j < sizeof(ds) / sizeof(ds[0]); j++)
			cr_assert_eq(udiv64(ns[i], ds[j]), ns[i] / ds[j],
				     "udiv64(%#" PRIx64 ", %#" PRIx64 ")",
				     ns[i], ds[j]);
	for (int i = 0; i < 100000; i++) {
		uint64_t n = rnd() >> (rnd() % 64);
		uint64_t d = rnd() >> (rnd() % 64);

		if (!d)
			d = 1;
		cr_assert_eq(udiv64(n, d), n / d,
			     "udiv64(%#" PRIx64 ", %#" PRIx64 ")", n, d);
	}
}
