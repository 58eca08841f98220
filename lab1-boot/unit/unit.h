/* Shared set-up for the host unit tests (unit/host.c). */
#ifndef UNIT_UNIT_H
#define UNIT_UNIT_H

/* The simulated machine: 16 MiB, frames 0..4095. */
#define UNIT_MACHINE_BYTES  (16U << 20)
#define UNIT_MACHINE_FRAMES (UNIT_MACHINE_BYTES >> 12)

struct frame;

/* The simulated machine memory (also declared by <vmm/memlayout.h>). */
extern unsigned char *unit_machine;

/* Exit status of a test that reached an exercise stub. */
#define EXERCISE_MISSING_STATUS 99

/* (Re)allocates a zeroed simulated machine memory. */
void unit_machine_init(void);

/* Sets up a calloc'd frame table of UNIT_MACHINE_FRAMES records (all owned
 * by DOMID_XEN, none free), as frame_table_init leaves it. */
void unit_frame_table_init(void);

/* The record just past the table, of mfn UNIT_MACHINE_FRAMES, the first
 * that mfn_valid refuses: allocated (zero), so that a test may make it a
 * decoy that looks like a real frame. Code that reads a record without
 * mfn_valid then finds something plausible there and is caught, where
 * past a bare allocation it would read unnoticed. */
extern struct frame *unit_frame_decoy;

/* The simulated machine frame mfn, as bytes. */
#define UNIT_PAGE(mfn) (unit_machine + ((unsigned long)(mfn) << 12))

#endif
