/*
 * Powering the machine off. QEMU's isa-debug-exit device (port 0xf4) ends
 * QEMU with exit status (code << 1) | 1, so a test run ends by itself and
 * the grader learns how it ended:
 */
#ifndef VMM_POWER_H
#define VMM_POWER_H

#include <lib/compiler.h>

#define VMM_EXIT_CLEAN	0	/* QEMU exits 1: every domain shut down cleanly */
#define VMM_EXIT_FAILED	1	/* QEMU exits 3: a domain crashed or was refused */
#define VMM_EXIT_PANIC	2	/* QEMU exits 5: the VMM itself failed */

#define DEBUG_EXIT_PORT	0xf4

__noreturn void poweroff(int code);

#endif
