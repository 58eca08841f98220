/* Interrupts and exceptions: the IDT and the C side of the entry path. */
#ifndef VMM_TRAP_H
#define VMM_TRAP_H

#include <vmm/regs.h>

/* Exception vectors. */
#define T_DE	      0 /* divide error */
#define T_DB	      1
#define T_NMI	      2
#define T_BP	      3 /* int3 */
#define T_OF	      4
#define T_BR	      5
#define T_UD	      6 /* invalid opcode */
#define T_NM	      7
#define T_DF	      8 /* double fault */
#define T_TS	      10
#define T_NP	      11
#define T_SS	      12
#define T_GP	      13 /* general protection */
#define T_PF	      14 /* page fault */
#define T_MF	      16
#define T_AC	      17
#define T_MC	      18
#define T_XM	      19
#define NR_EXCEPTIONS 32

/* Page-fault error-code bits. */
#define PFEC_PRESENT 0x1
#define PFEC_WRITE   0x2
#define PFEC_USER    0x4

void idt_init(void);

/* Sets IDT gate `vec` to the entry stub with the given DPL. */
void idt_set_gate(int vec, int dpl);

/* Called by the entry code for every trap, with the saved registers. */
void trap(struct cpu_regs *regs);

struct vcpu;

/* Leaves the VMM for v's guest, with the registers of v's frame
 * (vcpu_regs(v)): runs the GUEST_RESUME hooks and vmm/entry_ext.h's
 * work (lab 4 delivers events there; either may end the domain, and
 * then the next vCPU runs), then resume_guest. v must be the current
 * vCPU. */
__attribute__((noreturn)) void return_to_guest(struct vcpu *v);

/* What to do with an exception raised by a guest. Lab 1: crash the
 * domain. A later lab replaces this weak default (bouncing to the guest).
 * cr2 is the faulting address for a page fault. */
void guest_exception(struct cpu_regs *regs, uint32_t cr2);

/* Destroys the current domain for the exception in regs, with the line
 *   dN (name): destroyed: <exception> [reading|writing] at eip X (cr2 Y) */
void crash_on_exception(struct cpu_regs *regs, uint32_t cr2);

/* Prints the registers of a trap frame. */
void dump_regs(const struct cpu_regs *regs, uint32_t cr2);

const char *trap_name(uint32_t vector);

/* tramp.S */
extern uint32_t vector_stubs[256]; /* entry points, one per vector */
__attribute__((noreturn)) void resume_guest(struct cpu_regs *regs,
					    uint32_t cr3);
extern uint32_t tramp_vmm_cr3;	     /* trampoline data (read-only */
extern uint32_t tramp_vmm_stack_top; /* to guests) */
extern char entry_stack_top[];
extern char resume_fixup_start[], resume_fixup_end[];

#endif
