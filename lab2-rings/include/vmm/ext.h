/*
 * What later labs add to a vCPU and to a domain (see lab 1's version).
 * Lab 2: the virtual IDT, the guest kernel's stack, the guest's GDT and
 * the shared-info page.
 */
#ifndef VMM_EXT_H
#define VMM_EXT_H

#include <stdint.h>
#include <public/arch-x86_32.h>

#define GUEST_GDT_PAGES 14 /* GDT pages 0..13 belong to the guest */

struct shared_info;

struct vcpu_ext {
	struct trap_info traps[256]; /* the virtual IDT; address 0: none */
	uint16_t kernel_ss;	     /* stack_switch: the guest kernel's */
	uint32_t kernel_sp;	     /* stack, for entries from ring 3 */
};

struct domain_ext {
	uint32_t shared_info_mfn;   /* a VMM frame shared with the guest */
	struct shared_info *shared; /* it, in the direct map */
	uint32_t gdt_entries;	    /* set_gdt: entries in use, 0: none */
	uint32_t gdt_guest[GUEST_GDT_PAGES]; /* the guest's GDT frames */
	uint32_t gdt_copy[GUEST_GDT_PAGES];  /* validated copies, mapped
					      * read-only at GDT_VIRT */
};

#endif
