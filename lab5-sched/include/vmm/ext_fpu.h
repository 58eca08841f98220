/*
 * Lab 5's FPU fields of struct vcpu_ext (vmm/fpu.c): the vCPU's x87/SSE
 * registers while another vCPU owns the FPU (the FXSAVE image), whether
 * it has used the FPU yet, and the guest's own task-switched flag
 * (fpu_taskswitch), which the guest kernel uses to switch its processes'
 * FPU state lazily in turn.
 */
#ifndef VMM_EXT_FPU_H
#define VMM_EXT_FPU_H

#include <stdint.h>

#define VCPU_EXT_FPU                                                         \
	struct {                                                             \
		uint8_t area[512] __attribute__((aligned(16))); /* FXSAVE */ \
		uint8_t used;	  /* area holds its state (else: fresh) */   \
		uint8_t guest_ts; /* fpu_taskswitch(1) and no clts since */  \
	} fpu

#endif
