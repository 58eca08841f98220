/*
 * The virtual IDT (lab 2): exceptions and software interrupts a guest
 * raises are delivered to the handlers it registered with set_trap_table,
 * by building the frame the CPU would have built on the guest kernel's
 * stack ("bouncing" them).
 */
#ifndef VMM_BOUNCE_H
#define VMM_BOUNCE_H

#include <public/arch-x86_32.h>
#include <vmm/regs.h>
#include <vmm/segments.h>

struct vcpu;

/* EFLAGS bits. */
#define EFLAGS_TF   0x00000100 /* single step */
#define EFLAGS_IF   0x00000200 /* interrupts enabled */
#define EFLAGS_NT   0x00004000 /* nested task */
#define EFLAGS_RF   0x00010000 /* resume */
#define EFLAGS_VM   0x00020000 /* virtual-8086 mode */
#define EFLAGS_IOPL 0x00003000

/*
 * LAB 2 EXERCISE 4. Enters the guest's handler ti as the CPU would enter
 * a handler of its own: pushes on the guest kernel's stack, from the
 * lowest address up, [error if has_error], eip, cs, eflags and, when the
 * guest was in ring 3, esp and ss; the stack is the one given by
 * stack_switch when coming from ring 3, else the current one. Then points
 * r at the handler (cs:eip from ti, the new ss:esp) and clears TF, NT, RF
 * and VM in eflags. Builds the frame in VMM memory and writes it with one
 * copy_to_guest, so a frame that would wrap below address 0 writes nothing.
 * Returns 0, or -EFAULT if the frame cannot be written (no kernel stack, or a
 * bad one); then r is unchanged.
 */
int create_bounce_frame(struct vcpu *v, struct cpu_regs *r,
			const struct trap_info *ti, int has_error,
			uint32_t error);

/* Delivers exception `vector` to the guest's handler: -ENOENT if there is
 * none, else what create_bounce_frame returns. */
int bounce_exception(struct vcpu *v, struct cpu_regs *r, unsigned vector,
		     int has_error, uint32_t error);

/*
 * LAB 2 EXERCISE 5. r is a #GP. If its error code says an IDT gate refused
 * an int n (bit 1 set; the vector is error >> 3) and the guest's trap table
 * has a handler for that vector whose DPL lets the interrupted ring raise
 * it, delivers that interrupt, returning past the two-byte int n
 * instruction, without an error code. Otherwise delivers the #GP itself
 * (bounce_exception). Returns what the delivery returns.
 */
int software_interrupt(struct vcpu *v, struct cpu_regs *r);

/*
 * LAB 2 EXERCISE 7. The IDT gate for FAST_TRAP_VECTOR while v runs: if
 * v belongs to a domain (the idle vCPU has none) and its trap table has
 * an entry for it of DPL 3 without TI_IF, a 32-bit trap gate (type 0xF)
 * of DPL 3 to the handler's cs:address, so that int $0x80 goes from ring
 * 3 straight to the guest kernel; otherwise the VMM's own gate, a 32-bit
 * interrupt gate of DPL 0 (GATE_INT32) to vector_stubs[FAST_TRAP_VECTOR],
 * as idt_set_gate makes it. Only builds the gate: the IDT is not written.
 */
struct seg_desc fast_trap_gate(const struct vcpu *v);

/* Installs the gate for v in the IDT: fast_trap_gate(v) if v has a handler
 * for FAST_TRAP_VECTOR, else the VMM's own. */
void fast_trap_install(const struct vcpu *v);

/* Copies v's kernel stack (ext.kernel_ss, kernel_sp) into the TSS's
 * ss1:esp1, where the CPU takes it on an entry from ring 3. The TSS is
 * shared, so v must be the vCPU that runs, or is about to. Whatever
 * changes the running vCPU's kernel stack calls it at once: the TSS and
 * the vCPU never disagree. */
void kernel_stack_install(const struct vcpu *v);

/* The hypercalls of lab 2, for the current vCPU (see their files). */
long do_set_trap_table(unsigned long table);
long do_stack_switch(unsigned long ss, unsigned long esp);

#endif
