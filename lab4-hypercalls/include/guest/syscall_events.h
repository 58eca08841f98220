/*
 * Lab 4's system calls of the provided guest kernel (lab 2's
 * guest/syscall.h has the ABI): channels to the peer domain. The kernel
 * connects NCHAN event channels to the domain named by peer=N on its
 * command line at boot; a process sends on one and waits for events on
 * it. Events are counted, not queued: each channel counts what it has
 * received, and a waiter asks for a count.
 */
#ifndef GUEST_SYSCALL_EVENTS_H
#define GUEST_SYSCALL_EVENTS_H

#include <guest/syscall.h>

#define NCHAN 2 /* channels to the peer */

#define SYS_chan_info                                                   \
	9		 /* chan_info(c): 0 if this side offered the    \
			  * channel (it booted first), 1 if it bound to \
			  * it, -ENOENT if there is no peer, -EINVAL */
#define SYS_chan_send 10 /* chan_send(c): 0 or -errno */
#define SYS_chan_wait                                     \
	11 /* chan_wait(c, n): sleeps until channel c has \
	    * received n events in all; returns how many */

#endif
