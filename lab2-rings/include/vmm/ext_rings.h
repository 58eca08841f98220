/*
 * Lab 2's fields of struct vcpu_ext and struct domain_ext (include/vmm/
 * ext.h), as anonymous members: each lab's ext.h lists the macros of all
 * labs up to it, so v->ext.traps reads the same in every lab.
 */
#ifndef VMM_EXT_RINGS_H
#define VMM_EXT_RINGS_H

#include <stdint.h>
#include <public/arch-x86_32.h>

#define GUEST_GDT_PAGES 14 /* GDT pages 0..13 belong to the guest */

struct shared_info;

#define VCPU_EXT_RINGS                                                     \
	struct {                                                           \
		struct trap_info traps[256]; /* the virtual IDT; address   \
					      * 0: none */                 \
		uint16_t kernel_ss;	     /* stack_switch: the guest    \
					      * kernel's stack, */         \
		uint32_t kernel_sp;	     /* for entries from ring 3 */ \
	}

#define DOMAIN_EXT_RINGS                                                    \
	struct {                                                            \
		uint32_t shared_info_mfn;   /* a VMM frame shared with the  \
					     * guest */                     \
		struct shared_info *shared; /* it, in the direct map */     \
		uint32_t gdt_entries;	    /* set_gdt: entries in use, 0:  \
					     * none */                      \
		uint32_t gdt_guest[GUEST_GDT_PAGES]; /* the guest's GDT     \
						      * frames */           \
		uint32_t gdt_copy[GUEST_GDT_PAGES];  /* validated copies,   \
						      * mapped read-only at \
						      * GDT_VIRT */         \
	}

#endif
