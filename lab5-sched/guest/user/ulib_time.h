/* Lab 5's additions to the user library: time (guest/syscall_time.h). */
#ifndef ULIB_TIME_H
#define ULIB_TIME_H

#include <ulib_vm.h>

#define NS_PER_US 1000u
#define NS_PER_MS 1000000u

uint64_t time_ns(void);	    /* system time: ns since the VMM booted */
void sleep_ns(uint64_t ns); /* returns once ns have passed, or more */

#endif
