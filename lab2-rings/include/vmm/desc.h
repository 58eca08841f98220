/*
 * Guest segment descriptors and selectors (lab 2). A guest may fill GDT
 * pages 0..13 with its own descriptors (set_gdt, update_descriptor); the
 * VMM validates each one and copies it into frames of its own, which the
 * guest sees read-only at GDT_VIRT. No descriptor a guest installs can
 * reach ring 0 or address the hole past GUEST_SEG_END.
 */
#ifndef VMM_DESC_H
#define VMM_DESC_H

#include <stdint.h>
#include <vmm/segments.h>

struct domain;

/* Bits of the high word of a descriptor. */
#define DESC_ACCESSED (1u << 8)	 /* type bit 0 */
#define DESC_WRITE    (1u << 9)	 /* data: writable; code: readable */
#define DESC_EXPDOWN  (1u << 10) /* data: expand-down; code: conforming */
#define DESC_CODE     (1u << 11) /* type bit 3: code, not data */
#define DESC_S	      (1u << 12) /* code or data, not a system descriptor */
#define DESC_DPL(hi)  (((hi) >> 13) & 3)
#define DESC_P	      (1u << 15) /* present */
#define DESC_G	      (1u << 23) /* limit counts 4 KiB pages */

uint32_t desc_base(const struct seg_desc *d);
/* The last byte offset the segment allows (limit scaled by G). */
uint32_t desc_limit(const struct seg_desc *d);
/* Sets the limit so that the last allowed offset is at most `last`. */
void desc_set_limit(struct seg_desc *d, uint32_t last);
/* Flat, as the guest's flat segments are: base 0 and a limit that reaches
 * GUEST_SEG_END - 1 (in a validated descriptor, exactly there: the limit
 * is truncated at the hole). */
int desc_flat(const struct seg_desc *d);

/*
 * LAB 2 EXERCISE 1. Checks the descriptor *d a guest wants in its GDT and
 * makes it safe, in this order:
 *  - not present (P = 0): accepted unchanged (the CPU never loads it);
 *  - a system descriptor (S = 0: TSS, LDT, any gate): refused;
 *  - DPL 0: refused;
 *  - DPL 2, code or data: refused (guests run in ring 1 or ring 3 only:
 *    there must be no way into ring 2, and no stack for it);
 *  - a conforming code segment (any DPL): refused (an iret to one runs
 *    at the selector's RPL, which could be 2; a far call from ring 3
 *    would run it in ring 3);
 *  - an expand-down data segment: refused (it reaches the top of memory);
 *  - a base at or above GUEST_SEG_END: refused;
 *  - a limit that reaches GUEST_SEG_END or beyond: truncated so that the
 *    last byte is GUEST_SEG_END - 1 (desc_set_limit);
 *  - a segment ring 1 could run on, DPL-1 code (its cs) or DPL-1 writable
 *    data (its ss), that is not flat after that (desc_flat: base 0, limit
 *    up to the hole): refused. The VMM uses ring 1's eip and esp as
 *    linear addresses (bounce frames, privileged_insn), and its own iret
 *    checks eip against the code segment's limit. DPL-1 read-only data
 *    and DPL-3 segments may have any base and limit below the hole;
 *  - the accessed bit is set, so the CPU never writes the read-only copy.
 * Returns 0 (with *d made safe) or -EINVAL.
 */
int check_descriptor(struct seg_desc *d);

/* The descriptor a guest selector refers to: an entry of the guest's own
 * GDT in use, or one of the four flat guest descriptors; NULL for the null
 * selector, LDT selectors, entries beyond those in use and the VMM's own. */
const struct seg_desc *guest_desc(const struct domain *d, uint16_t sel);

/* A selector the guest kernel may run on: RPL 1, a present, non-conforming,
 * flat (desc_flat) code descriptor of DPL 1. Returns 0 or -EPERM. */
int check_code_selector(const struct domain *d, uint16_t sel);

/* A stack selector for the guest kernel: RPL 1, a present, writable, flat
 * (desc_flat) data descriptor of DPL 1. Returns 0 or -EPERM. */
int check_stack_selector(const struct domain *d, uint16_t sel);

/* The hypercalls of gdt.c, for the current domain. */
long do_set_gdt(unsigned long frame_list, unsigned long entries);
long do_update_descriptor(unsigned long ma_lo, unsigned long ma_hi,
			  unsigned long desc_lo, unsigned long desc_hi);

#endif
