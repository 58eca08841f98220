/*
 * The shared-info page (Xen's struct shared_info, x86-32): a page the VMM
 * writes and the guest reads. Lab 2 uses vcpu_info[0].arch.cr2 (the
 * address of the last page fault bounced to the guest); lab 4 adds events
 * and lab 5 time. start_info.shared_info holds its machine address; the
 * kit's builder also maps it into the guest (public/layout.h).
 */
#ifndef PUBLIC_SHARED_INFO_H
#define PUBLIC_SHARED_INFO_H

#include <stdint.h>

#define MAX_VIRT_CPUS 32

struct arch_vcpu_info {
	uint32_t cr2; /* faulting address of the last page fault */
	uint32_t pad[5];
};

struct vcpu_time_info {
	uint32_t version; /* odd while the VMM updates (lab 5) */
	uint32_t pad0;
	uint64_t tsc_timestamp;
	uint64_t system_time; /* nanoseconds since boot */
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	int8_t pad1[3];
};

struct vcpu_info {
	uint8_t evtchn_upcall_pending; /* lab 4 */
	uint8_t evtchn_upcall_mask;    /* lab 4 */
	uint8_t pad0[2];
	uint32_t evtchn_pending_sel; /* lab 4 */
	struct arch_vcpu_info arch;
	struct vcpu_time_info time; /* lab 5 */
};

struct shared_info {
	struct vcpu_info vcpu_info[MAX_VIRT_CPUS];
	uint32_t evtchn_pending[32]; /* lab 4 */
	uint32_t evtchn_mask[32];    /* lab 4 */
	uint32_t wc_version;	     /* lab 5: wall clock */
	uint32_t wc_sec;
	uint32_t wc_nsec;
};

_Static_assert(sizeof(struct vcpu_info) == 64, "vcpu_info layout");
_Static_assert(__builtin_offsetof(struct shared_info, evtchn_pending) == 2048,
	       "shared_info layout");
_Static_assert(__builtin_offsetof(struct shared_info, wc_version) == 2304,
	       "shared_info layout");

#endif
