/* Shared set-up for the host unit tests (unit/host.c). */
#ifndef UNIT_UNIT_H
#define UNIT_UNIT_H

/* The simulated machine: 16 MiB, frames 0..4095. */
#define UNIT_MACHINE_BYTES (16U << 20)
#define UNIT_MACHINE_FRAMES (UNIT_MACHINE_BYTES >> 12)

/* (Re)allocates a zeroed simulated machine memory. */
void unit_machine_init(void);

#endif
