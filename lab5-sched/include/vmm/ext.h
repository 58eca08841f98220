/*
 * What later labs add to a vCPU and to a domain (see lab 1's version).
 * Lab 5: lab 4's fields (lab 2's, the events', the preemptible tables')
 * the scheduler's and timers' (vmm/ext_sched.h), and the FPU's
 * (vmm/ext_fpu.h).
 */
#ifndef VMM_EXT_H
#define VMM_EXT_H

#include <vmm/ext_events.h>
#include <vmm/ext_fpu.h>
#include <vmm/ext_rings.h>
#include <vmm/ext_sched.h>
#include <vmm/ext_tables.h>

struct vcpu_ext {
	VCPU_EXT_RINGS;
	VCPU_EXT_EVENTS;
	VCPU_EXT_SCHED;
	VCPU_EXT_FPU;
};

struct domain_ext {
	DOMAIN_EXT_RINGS;
	DOMAIN_EXT_EVENTS;
	DOMAIN_EXT_TABLES;
};

#endif
