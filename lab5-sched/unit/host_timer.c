/*
 * What vmm/timer.c calls outside itself, for the host unit tests: the
 * PIT (each programming recorded) and the clock (set by the test); and
 * the clock's scale that vmm/vtime.c publishes (vmm/time.c's, set by the
 * test).
 */
#include <stdint.h>
#include <vmm/time.h>
#include "unit_timer.h"

uint64_t time0_tsc;
struct time_scale tsc_scale;
uint32_t wall_sec_at_boot;

uint64_t unit_now;
int unit_pit_calls;
uint32_t unit_pit_ns;

uint64_t now_ns(void)
{
	return unit_now;
}

void pit_oneshot(uint32_t ns)
{
	unit_pit_calls++;
	unit_pit_ns = ns;
}
