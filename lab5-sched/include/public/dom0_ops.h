/*
 * dom0_op (hypercall 7): control operations only domain 0 may make, as in
 * the Xen of the paper (1.x numbering): dom0_op(struct dom0_op *op).
 * Lab 5 implements the scheduler's: BVT's global and per-domain
 * parameters, pausing and unpausing a domain, and reading a domain's
 * state and CPU time. Lab 6's control tools build on it.
 *
 * Errors: -EPERM (the caller is not domain 0), -EACCES (wrong
 * interface_version), -ESRCH (no such live domain), -EINVAL (a value out
 * of range, or pausing oneself), -ENOSYS (unknown cmd), -EFAULT.
 */
#ifndef PUBLIC_DOM0_OPS_H
#define PUBLIC_DOM0_OPS_H

#include <stdint.h>

#define __HYPERVISOR_dom0_op 7

#define DOM0_INTERFACE_VERSION 0x4b495401 /* "KIT" 1 */

#define DOM0_BVTCTL	   6  /* u.bvtctl: the global parameters */
#define DOM0_ADJUSTDOM	   7  /* u.adjustdom: a domain's BVT parameters */
#define DOM0_STARTDOMAIN   10 /* u.domain: unpause */
#define DOM0_STOPDOMAIN	   11 /* u.domain: pause */
#define DOM0_GETDOMAININFO 12 /* u.getdomaininfo */

struct dom0_bvtctl {
	uint32_t ctx_allow; /* IN: ns, BVT_CTX_MIN_NS..BVT_CTX_MAX_NS */
};

struct dom0_adjustdom {
	uint32_t domain;  /* IN */
	uint32_t mcu_adv; /* IN: 1..1000 */
	uint32_t warp;	  /* IN: 0..10^9 */
	uint32_t warpl;	  /* IN: us, 0..10^6 (0: no limit) */
	uint32_t warpu;	  /* IN: us, 0..10^6 (0: none) */
};

struct dom0_getdomaininfo {
	uint32_t domain;		      /* IN */
	uint32_t state;			      /* OUT: DOMSTATE_* */
	uint64_t cpu_time;		      /* OUT: ns of CPU used */
	uint32_t dispatches;		      /* OUT */
	uint32_t mcu_adv, warp, warpl, warpu; /* OUT: as in adjustdom */
	int64_t avt, evt;		      /* OUT: BVT's times */
};

#define DOMSTATE_RUNNABLE 0 /* on the run queue, or running */
#define DOMSTATE_BLOCKED  1
#define DOMSTATE_PAUSED	  2

struct dom0_op {
	uint32_t cmd;
	uint32_t interface_version; /* DOM0_INTERFACE_VERSION */
	union {
		struct dom0_bvtctl bvtctl;
		struct dom0_adjustdom adjustdom;
		uint32_t domain;
		struct dom0_getdomaininfo getdomaininfo;
		uint8_t pad[64];
	} u;
};

#define BVT_CTX_MIN_NS 100000u	  /* 100 us */
#define BVT_CTX_MAX_NS 100000000u /* 100 ms */

#endif
