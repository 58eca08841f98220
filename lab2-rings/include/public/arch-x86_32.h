/*
 * x86-32 specifics of the ABI (Xen's arch-x86_32.h): the virtual IDT.
 */
#ifndef PUBLIC_ARCH_X86_32_H
#define PUBLIC_ARCH_X86_32_H

#ifndef __ASSEMBLER__
#include <stdint.h>

/*
 * One entry of a guest's virtual IDT, given to set_trap_table (hypercall
 * 0). A table ends at the first entry whose address is 0.
 */
struct trap_info {
	uint8_t vector;	  /* exception or interrupt vector, 0..255 */
	uint8_t flags;	  /* bits 0-1: the lowest privilege level that may
			   * raise it with int n; bit 2: mask events on entry
			   * (lab 4; also keeps int $0x80 off the fast path) */
	uint16_t cs;	  /* code selector of the handler (ring 1) */
	uint32_t address; /* handler address */
};

#define TI_GET_DPL(ti) ((ti)->flags & 3)
#define TI_GET_IF(ti)  ((ti)->flags & 4)
#define TI_DPL(dpl)    ((uint8_t)(dpl))
#define TI_IF	       4
#endif

/* The guest's system-call vector: with a trap-table entry of DPL 3 and
 * without TI_IF, it becomes a real IDT gate straight into the guest
 * kernel, and a system call never enters the VMM. */
#define FAST_TRAP_VECTOR 0x80

#endif
