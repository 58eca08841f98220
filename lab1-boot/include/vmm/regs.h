/*
 * The trap frame: the registers of the interrupted context, as the entry
 * code leaves them. For a guest it sits at the top of the vCPU's VMM stack
 * (see tramp.S); the exit path restores the guest from it.
 *
 * The offsets are used by assembly (tramp.S); the _Static_asserts in
 * trap.c keep this struct and them in agreement.
 */
#ifndef VMM_REGS_H
#define VMM_REGS_H

#define REGS_EDI       0 /* pushal */
#define REGS_ESI       4
#define REGS_EBP       8
#define REGS_ESP_PUSHA 12 /* ignored by popal */
#define REGS_EBX       16
#define REGS_EDX       20
#define REGS_ECX       24
#define REGS_EAX       28
#define REGS_GS	       32 /* pushed by the entry code */
#define REGS_FS	       36
#define REGS_ES	       40
#define REGS_DS	       44
#define REGS_VECTOR    48 /* pushed by the vector stub */
#define REGS_ERROR     52 /* by the CPU, or 0 by the stub */
#define REGS_EIP       56 /* pushed by the CPU */
#define REGS_CS	       60
#define REGS_EFLAGS    64
#define REGS_ESP       68 /* only when the CPL changed (from a guest) */
#define REGS_SS	       72
#define REGS_SIZE      76 /* a guest frame, words: REGS_SIZE / 4 */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct cpu_regs {
	uint32_t edi, esi, ebp, esp_pusha, ebx, edx, ecx, eax;
	uint32_t gs, fs, es, ds;
	uint32_t vector, error;
	uint32_t eip, cs, eflags;
	uint32_t esp, ss; /* valid only if (cs & 3) != 0 */
};

/* The privilege level the trap came from: 0 = VMM, 1 or 3 = a guest. */
static inline int regs_ring(const struct cpu_regs *r)
{
	return r->cs & 3;
}

#endif
#endif
