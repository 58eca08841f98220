/* The TSC-to-nanoseconds scale (lib/time_scale.h). */
#include <lib/exercise.h>
#include <lib/time_scale.h>

uint64_t scale_delta(uint64_t delta, uint32_t mul_frac, int shift)
{
	/* BEGIN LAB 5 EXERCISE 1 (scale_delta) */
	uint64_t lo, hi;

	if (shift < 0)
		delta >>= -shift;
	else
		delta <<= shift;
	lo = (uint64_t)(uint32_t)delta * mul_frac;
	hi = (delta >> 32) * mul_frac;
	return hi + (lo >> 32);
	/* END LAB 5 EXERCISE 1 */
}

/* floor(num * 2^32 / den) for num < den, by long division one bit at a
 * time: 64-bit division is not in the freestanding build. */
static uint32_t frac32(uint64_t num, uint64_t den)
{
	uint32_t q = 0;

	for (int i = 0; i < 32; i++) {
		num <<= 1;
		q <<= 1;
		if (num >= den) {
			num -= den;
			q |= 1;
		}
	}
	return q;
}

void time_scale_for(struct time_scale *s, uint64_t from_hz, uint64_t to_hz)
{
	int shift = 0;

	/* Bring the ratio to_hz / from_hz into [1/2, 1), counting the
	 * factors of two in shift. */
	while (to_hz >= from_hz) {
		from_hz <<= 1;
		shift++;
	}
	while (to_hz < from_hz / 2) {
		to_hz <<= 1;
		shift--;
	}
	s->mul_frac = frac32(to_hz, from_hz);
	s->shift = (int8_t)shift;
}

/* n / d for a divisor that fits in 32 bits, as the CPU divides: the
 * high word first, then the remainder and the low word together. divl
 * takes a 64-bit dividend whose quotient fits in 32 bits, which holds in
 * both steps (the first's high word is 0, the second's is r < d). */
static uint64_t div64_32(uint64_t n, uint32_t d)
{
	uint32_t hi = (uint32_t)(n >> 32), lo = (uint32_t)n, qhi, qlo, r;

	qhi = hi / d;
	r = hi % d;
#if defined(__i386__)
	__asm__("divl %4" : "=a"(qlo), "=d"(r) : "a"(lo), "d"(r), "rm"(d));
#else
	qlo = (uint32_t)((((uint64_t)r << 32) | lo) / d);
#endif
	return (uint64_t)qhi << 32 | qlo;
}

uint64_t udiv64(uint64_t n, uint64_t d)
{
	uint64_t q = 0, r = 0;

	if (!(n >> 32) && !(d >> 32))
		return (uint32_t)n / (uint32_t)d; /* one divl */
	if (!(d >> 32))
		return div64_32(n, (uint32_t)d);
	/* A divisor above 2^32: bit by bit (the kit never needs it fast). */
	for (int i = 63; i >= 0; i--) {
		r = r << 1 | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= 1ull << i;
		}
	}
	return q;
}
