/*
 * What later labs do on every entry from a guest and on every return to
 * one, written inline into the VMM's hot path (vmm/entry.h). Like
 * vmm/ext.h, this is a header a later lab replaces by design: each lab's
 * version does the work of all labs up to it (lab 4: it times the stay
 * in the VMM and delivers events; and around an exception bounce, it keeps
 * the event mask). A registered hook (GUEST_ENTRY,
 * GUEST_RESUME) costs a call on every entry; this costs nothing where a
 * lab has nothing to do. Lab 1 has nothing to do.
 */
#ifndef VMM_ENTRY_EXT_H
#define VMM_ENTRY_EXT_H

#include <stdint.h>

struct vcpu;
struct cpu_regs;

/* v's guest entered the VMM for hypercall `call` (~0: an exception or an
 * interrupt). */
static inline __attribute__((always_inline)) void
ext_guest_entered(struct vcpu *v, uint32_t call)
{
	(void)v, (void)call;
}

/* v's guest is about to be entered with the registers r (vcpu_regs(v)).
 * May end its domain. */
static inline __attribute__((always_inline)) void
ext_guest_leaving(struct vcpu *v, struct cpu_regs *r)
{
	(void)v, (void)r;
}

/* Around an exception bounce (lab 2's guest_exception): before it, and
 * after one that worked, for the vector whose entry was asked for (lab 4
 * keeps the event mask in the frame and honours TI_IF). */
static inline __attribute__((always_inline)) void
ext_bounce_begin(struct vcpu *v, struct cpu_regs *r)
{
	(void)v, (void)r;
}

static inline __attribute__((always_inline)) void
ext_bounce_done(struct vcpu *v, struct cpu_regs *r, unsigned vector)
{
	(void)v, (void)r, (void)vector;
}

/* An exception from v's guest, before guest_exception sees it: 1 if a
 * later lab handled it itself (lab 5: the #NM of its lazy FPU switch),
 * 0 to go on as usual. */
static inline __attribute__((always_inline)) int
ext_guest_trap(struct vcpu *v, struct cpu_regs *r)
{
	(void)v, (void)r;
	return 0;
}

#endif
