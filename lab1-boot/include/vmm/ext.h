/*
 * What later labs add to a vCPU and to a domain. This is the one header a
 * later lab replaces by design: each lab's include/vmm/ext.h lists the
 * fields of all labs up to it (lab 2: the virtual IDT, the guest kernel
 * stack, the GDT; lab 3: page tables...). Lab 1 needs none.
 */
#ifndef VMM_EXT_H
#define VMM_EXT_H

struct vcpu_ext {
	char none; /* C has no empty structs */
};

struct domain_ext {
	char none;
};

#endif
