/*
 * The kit's public ABI: what a guest and the VMM agree on.
 *
 * This follows Xen's x86-32 paravirtual ABI (non-PAE) wherever the kit has
 * the same mechanism: hypercall numbers, the int 0x82 entry, flat selectors,
 * struct start_info. Differences are listed in the handout's ABI appendix.
 * Every definition here is written for the kit; none is copied from Xen.
 *
 * Hypercall convention (32-bit PV): int $0x82 with
 *   eax = hypercall number, ebx, ecx, edx, esi, edi = arguments 1..5,
 *   eax = result on return: >= 0 success, -errno (public/errno.h) failure.
 */
#ifndef PUBLIC_XEN_H
#define PUBLIC_XEN_H

/* Hypercall numbers: Xen's values. A lab adds the handlers; the numbers
 * never change. */
#define __HYPERVISOR_set_trap_table    0
#define __HYPERVISOR_mmu_update	       1
#define __HYPERVISOR_set_gdt	       2
#define __HYPERVISOR_stack_switch      3
#define __HYPERVISOR_set_callbacks     4
#define __HYPERVISOR_fpu_taskswitch    5
#define __HYPERVISOR_sched_op_compat   6
#define __HYPERVISOR_update_descriptor 10
#define __HYPERVISOR_memory_op	       12
#define __HYPERVISOR_multicall	       13
#define __HYPERVISOR_update_va_mapping 14
#define __HYPERVISOR_set_timer_op      15
#define __HYPERVISOR_xen_version       17
#define __HYPERVISOR_console_io	       18
#define __HYPERVISOR_physdev_op	       19
#define __HYPERVISOR_grant_table_op    20
#define __HYPERVISOR_vm_assist	       21
#define __HYPERVISOR_iret	       23
#define __HYPERVISOR_vcpu_op	       24
#define __HYPERVISOR_mmuext_op	       26
#define __HYPERVISOR_sched_op	       29
#define __HYPERVISOR_event_channel_op  32
#define NR_HYPERCALLS		       64

/* The software-interrupt vector of the hypercall gate (DPL 1). */
#define HYPERCALL_VECTOR 0x82

/*
 * The VMM hole: [HYPERVISOR_VIRT_START, 4 GiB) belongs to the VMM in every
 * address space. Xen's non-PAE value is 0xFC000000 (64 MiB); the kit keeps
 * a direct map of all machine memory there and needs 256 MiB.
 */
#define HYPERVISOR_VIRT_START 0xF0000000UL

/*
 * Flat segment selectors (Xen 3.0 values). The VMM's descriptors sit in
 * GDT page 14 (entries 7168..7679) so guests keep the low entries.
 * RPL in the low two bits: 1 = guest kernel, 3 = guest user.
 */
#define FLAT_RING1_CS		 0xe019
#define FLAT_RING1_DS		 0xe021
#define FLAT_RING1_SS		 0xe021
#define FLAT_RING3_CS		 0xe02b
#define FLAT_RING3_DS		 0xe033
#define FLAT_RING3_SS		 0xe033
#define FIRST_RESERVED_GDT_ENTRY 7168
#define FIRST_RESERVED_GDT_PAGE	 14

/* Domain identifiers. Ordinary domains count up from 0 (dom0 first). */
#define DOMID_FIRST_RESERVED 0x7FF0U
#define DOMID_SELF	     0x7FF0U
#define DOMID_XEN	     0x7FF2U /* frames owned by the VMM */
#define DOMID_INVALID	     0x7FF4U /* free frames */

/* console_io commands (Xen's values). */
#define CONSOLEIO_write 0
#define CONSOLEIO_read	1

/*
 * The start-info page, built by the domain builder and mapped into the new
 * domain; %esi holds its virtual address at the guest's first instruction.
 * The layout is Xen's struct start_info for x86-32. Fields a lab does not
 * fill yet are zero.
 */
#define MAX_GUEST_CMDLINE 1024
#define START_INFO_MAGIC  "xen-3.0-x86_32"

#ifndef __ASSEMBLER__
#include <stdint.h>

typedef uint16_t domid_t;

struct start_info {
	char magic[32];	       /* START_INFO_MAGIC, NUL padded */
	uint32_t nr_pages;     /* pages of memory given to the domain */
	uint32_t shared_info;  /* machine address of shared_info (lab 4) */
	uint32_t flags;	       /* SIF_* */
	uint32_t store_mfn;    /* unused by the kit */
	uint32_t store_evtchn; /* unused by the kit */
	union {
		struct {
			uint32_t mfn;	 /* console ring frame (lab 6) */
			uint32_t evtchn; /* its event channel (lab 6) */
		} domU;
		struct {
			uint32_t info_off;
			uint32_t info_size;
		} dom0;
	} console;
	uint32_t pt_base;      /* virtual address of the initial L2 table */
	uint32_t nr_pt_frames; /* frames of the initial page tables */
	uint32_t mfn_list;     /* virtual address of the pfn -> mfn list */
	uint32_t mod_start;    /* unused by the kit */
	uint32_t mod_len;      /* unused by the kit */
	char cmd_line[MAX_GUEST_CMDLINE]; /* the module's command line */
	uint32_t first_p2m_pfn;		  /* unused by the kit */
	uint32_t nr_p2m_frames;		  /* unused by the kit */
};

#endif /* __ASSEMBLER__ */

#define SIF_PRIVILEGED (1U << 0) /* a privileged domain */
#define SIF_INITDOMAIN (1U << 1) /* dom0 */

#endif
