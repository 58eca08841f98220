/*
 * What later labs add to a vCPU and to a domain (see lab 1's version).
 * Lab 4: lab 2's fields (vmm/ext_rings.h; lab 3 adds none), the
 * events' (vmm/ext_events.h) and the preemptible tables' (ext_tables.h).
 */
#ifndef VMM_EXT_H
#define VMM_EXT_H

#include <vmm/ext_events.h>
#include <vmm/ext_rings.h>
#include <vmm/ext_tables.h>

struct vcpu_ext {
	VCPU_EXT_RINGS;
	VCPU_EXT_EVENTS;
};

struct domain_ext {
	DOMAIN_EXT_RINGS;
	DOMAIN_EXT_EVENTS;
	DOMAIN_EXT_TABLES;
};

#endif
