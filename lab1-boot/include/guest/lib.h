/* Small helpers every guest links (guest/lib). */
#ifndef GUEST_LIB_H
#define GUEST_LIB_H

#include <stdint.h>
#include <lib/compiler.h>
#include <arch/x86.h>

/* Each guest program defines this; head.S calls it with %esi. */
void guest_main(void);

/* Flushes the console and shuts down with `reason`. */
__noreturn void guest_exit(unsigned reason);

#endif
