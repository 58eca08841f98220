/*
 * sched_op (hypercall 29): sched_op(int cmd, void *arg).
 * Lab 1 implements SCHEDOP_shutdown; lab 5 the rest.
 */
#ifndef PUBLIC_SCHED_H
#define PUBLIC_SCHED_H

#include <stdint.h>

#define SCHEDOP_yield	 0 /* arg unused */
#define SCHEDOP_block	 1 /* arg unused */
#define SCHEDOP_shutdown 2 /* arg: struct sched_shutdown * */

struct sched_shutdown {
	uint32_t reason; /* SHUTDOWN_* */
};

#define SHUTDOWN_poweroff 0 /* clean exit */
#define SHUTDOWN_reboot	  1
#define SHUTDOWN_suspend  2
#define SHUTDOWN_crash	  3 /* the guest reports its own failure */

#endif
