/*
 * Lab 5's system calls of the provided guest kernel (lab 2's
 * guest/syscall.h has the ABI): time. System time is nanoseconds since
 * the VMM booted, as the kernel reads it from its shared-info page; a
 * process cannot read that page itself. A 64-bit argument comes in two
 * registers, low half first; a 64-bit result goes back in eax (low) and
 * edx (high), the way lab 3's wait returns a second value.
 */
#ifndef GUEST_SYSCALL_TIME_H
#define GUEST_SYSCALL_TIME_H

#include <guest/syscall.h>

#define SYS_sleep_ns                                                     \
	12 /* sleep_ns(lo, hi): sleeps until at least hi:lo ns of system \
	    * time have passed; 0 */
#define SYS_time_ns 13 /* time_ns(): system time in ns, in edx:eax */

#endif
