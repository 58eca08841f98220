/* The host stand-ins of vmm/timer.c's surroundings (unit/host_timer.c). */
#ifndef UNIT_TIMER_H
#define UNIT_TIMER_H

#include <stdint.h>

extern uint64_t unit_now;    /* what now_ns() returns */
extern int unit_pit_calls;   /* pit_oneshot calls so far */
extern uint32_t unit_pit_ns; /* the last one's argument */

#endif
