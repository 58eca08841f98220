/* Lab 4's additions to the user library: channels to the peer domain
 * (guest/syscall_events.h). */
#ifndef ULIB_EVENTS_H
#define ULIB_EVENTS_H

#include <ulib_vm.h>

int chan_info(int c);		   /* 0 offered, 1 bound, or -errno */
int chan_send(int c);		   /* 0 or -errno */
long chan_wait(int c, uint32_t n); /* the count, once >= n */

#endif
