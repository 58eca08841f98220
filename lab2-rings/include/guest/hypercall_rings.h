/*
 * Wrappers for the hypercalls of lab 2: the virtual IDT, the guest
 * kernel's stack and the guest's GDT (see guest/hypercall.h for lab 1's
 * and the register convention).
 */
#ifndef GUEST_HYPERCALL_RINGS_H
#define GUEST_HYPERCALL_RINGS_H

#include <stdint.h>
#include <guest/hypercall.h>
#include <public/arch-x86_32.h>

static inline long HYPERVISOR_set_trap_table(const struct trap_info *table)
{
	return _hypercall1(__HYPERVISOR_set_trap_table, (unsigned long)table);
}

static inline long HYPERVISOR_stack_switch(unsigned long ss, unsigned long esp)
{
	return _hypercall2(__HYPERVISOR_stack_switch, ss, esp);
}

/* frames: the machine frame numbers of the pages holding the first
 * `entries` descriptors. */
static inline long HYPERVISOR_set_gdt(const unsigned long *frames,
				      unsigned entries)
{
	return _hypercall2(__HYPERVISOR_set_gdt, (unsigned long)frames,
			   entries);
}

/* ma: the machine address of the entry (the high half of the 64-bit
 * argument is 0); lo, hi: the descriptor. */
static inline long HYPERVISOR_update_descriptor(uint32_t ma, uint32_t lo,
						uint32_t hi)
{
	return _hypercall4(__HYPERVISOR_update_descriptor, ma, 0, lo, hi);
}

#endif
