/*
 * Powering the machine off. QEMU's isa-debug-exit device (port 0xf4) ends
 * QEMU with exit status (code << 1) | 1, so a test run ends by itself and
 * the grader learns how it ended. The codes start at 0x10 so that no
 * ending of ours looks like QEMU's own failure to start (status 1).
 */
#ifndef VMM_POWER_H
#define VMM_POWER_H

#include <lib/compiler.h>

/* QEMU exits 33: every domain shut down cleanly. */
#define VMM_EXIT_CLEAN 0x10
/* QEMU exits 35: a domain crashed or was refused. */
#define VMM_EXIT_FAILED 0x11
/* QEMU exits 37: the VMM itself failed. */
#define VMM_EXIT_PANIC 0x12

#define DEBUG_EXIT_PORT 0xf4

__noreturn void poweroff(int code);

#endif
