/*
 * Page-table updates (lab 3), Xen's x86-32 non-PAE interface. A guest's
 * page tables are read-only to it; it changes them only through these
 * hypercalls, and the VMM validates every entry first.
 */
#ifndef PUBLIC_MMU_H
#define PUBLIC_MMU_H

#include <stdint.h>

/*
 * mmu_update (hypercall 1): mmu_update(reqs, count, pdone, foreigndom).
 * Each request is a command in the low two bits of ptr:
 *   MMU_NORMAL_PT_UPDATE: ptr is the machine address of a page-table
 *     entry (in an L1 or L2 table in use); val its new value.
 *   MMU_MACHPHYS_UPDATE: ptr is a machine address in a frame of the
 *     domain; val the pseudo-physical frame number to record for it in
 *     the machine-to-physical table.
 * Requests run in order and stop at the first refused one; *pdone (if
 * pdone is not 0) gets the number done. foreigndom must be DOMID_SELF.
 * If pdone cannot be written the call returns -EFAULT, although the
 * requests were done (Xen ignores the failed write).
 */
struct mmu_update {
	uint64_t ptr;
	uint64_t val;
};

#define MMU_NORMAL_PT_UPDATE 0
#define MMU_MACHPHYS_UPDATE  1

/* mmuext_op (hypercall 26): mmuext_op(ops, count, pdone, foreigndom). */
struct mmuext_op {
	uint32_t cmd; /* MMUEXT_* */
	union {
		uint32_t mfn;	      /* PIN_*, UNPIN, NEW_BASEPTR */
		uint32_t linear_addr; /* INVLPG_* */
	} arg1;
	union {
		uint32_t nr_ents;
		uint32_t vcpumask;
	} arg2;
};

#define MMUEXT_PIN_L1_TABLE    0
#define MMUEXT_PIN_L2_TABLE    1
#define MMUEXT_PIN_L3_TABLE    2 /* PAE and 64-bit only: refused */
#define MMUEXT_PIN_L4_TABLE    3 /* 64-bit only: refused */
#define MMUEXT_UNPIN_TABLE     4
#define MMUEXT_NEW_BASEPTR     5
#define MMUEXT_TLB_FLUSH_LOCAL 6
#define MMUEXT_INVLPG_LOCAL    7
#define MMUEXT_TLB_FLUSH_MULTI 8
#define MMUEXT_INVLPG_MULTI    9
#define MMUEXT_TLB_FLUSH_ALL   10
#define MMUEXT_INVLPG_ALL      11

/* update_va_mapping (hypercall 14): update_va_mapping(va, val_lo, val_hi,
 * flags): sets the L1 entry that maps va in the current address space. */
#define UVMF_NONE      0
#define UVMF_TLB_FLUSH 1 /* flush the whole TLB */
#define UVMF_INVLPG    2 /* flush the entry for va */
#define UVMF_ALL       4 /* on every CPU */

/* The machine-to-physical table: one uint32_t per machine frame, the
 * pseudo-physical frame number its owner uses for it, read-only to
 * guests at this address (in the hole, like Xen's). */
#define MACH2PHYS_VIRT_START 0xF0000000u
#define INVALID_M2P_ENTRY    0xFFFFFFFFu

#endif
