/* Small helpers every guest links (guest/lib). */
#ifndef GUEST_LIB_H
#define GUEST_LIB_H

#include <stdint.h>
#include <lib/compiler.h>

/* Each guest program defines this; head.S calls it with %esi. */
void guest_main(void);

/* Flushes the console and shuts down with `reason`. */
__noreturn void guest_exit(unsigned reason);

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#endif
