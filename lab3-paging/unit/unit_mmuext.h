/*
 * The mmuext_op set-up of test_pin.c (exercise 6) and test_new_baseptr.c
 * (exercise 7), in unit/mmuext_fixture.c: unit_lab3.h's address space,
 * validated and current (L2 UNIT_L2: count 2, type count 1, the base
 * only), with beside it, written but not validated:
 *  - E, an L1 mapping X writable (entry 0);
 *  - Q, an L2 holding UNIT_L1 (slot of UNIT_VA) and E (slot 1);
 *  - BADL2, an L2 whose slot 5 maps a frame of another domain.
 * The ops are read from the guest at UNIT_VA (frame UNIT_DATA), pdone
 * written at PDONE. The mmuext_op handler is static: it is found through
 * the hypercall registry.
 */
#ifndef UNIT_UNIT_MMUEXT_H
#define UNIT_UNIT_MMUEXT_H

#include <stdint.h>
#include <public/mmu.h>
#include "unit_lab3.h"

#define E     (UNIT_FIRST + 60) /* an L1 mapping X writable */
#define Q     (UNIT_FIRST + 61) /* an L2: UNIT_VA through UNIT_L1, E */
#define X     (UNIT_FIRST + 62)
#define BADL2 (UNIT_FIRST + 63) /* slot 5: another domain's frame */
#define PDONE (UNIT_VA + 0xF00)

extern hypercall_fn unit_mmuext_op; /* the handler */
extern struct mmuext_op *unit_ops;  /* at UNIT_VA */
extern uint32_t *unit_pdone;	    /* at PDONE */

/* (Re)starts from scratch with the set-up above (a suite's .init). */
void unit_mmuext_setup(void);

/* Runs one op (cmd, arg1) for the current domain. */
long unit_op1(uint32_t cmd, uint32_t arg);

#endif
