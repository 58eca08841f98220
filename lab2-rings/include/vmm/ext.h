/*
 * What later labs add to a vCPU and to a domain (see lab 1's version).
 * Lab 2: the virtual IDT, the guest kernel's stack, the guest's GDT and
 * the shared-info page (vmm/ext_rings.h).
 */
#ifndef VMM_EXT_H
#define VMM_EXT_H

#include <vmm/ext_rings.h>

struct vcpu_ext {
	VCPU_EXT_RINGS;
};

struct domain_ext {
	DOMAIN_EXT_RINGS;
};

#endif
