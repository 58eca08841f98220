/*
 * Segment descriptors for test guests (lab 2 test library): build them,
 * install a GDT of our own with set_gdt, change one entry with
 * update_descriptor, and look at what the VMM made of them with the
 * unprivileged instructions lsl, lar, verr and verw.
 */
#ifndef GUEST_GDT_H
#define GUEST_GDT_H

#include <stdint.h>
#include <vmm/segments.h>

/* Access bytes (bits 8-15 of the high word): P, DPL, S and the type. */
#define ACC_P		  0x80
#define ACC_DPL(dpl)	  ((dpl) << 5)
#define ACC_S		  0x10 /* code or data; 0: a system descriptor */
#define ACC_CODE	  0x08
#define ACC_CONFORM	  0x04 /* code: conforming */
#define ACC_READ	  0x02 /* code: readable */
#define ACC_EXPDOWN	  0x04 /* data: expand-down */
#define ACC_WRITE	  0x02 /* data: writable */
#define ACC_ACCESSED	  0x01
#define ACC_DATA_SEG(dpl) (ACC_P | ACC_DPL(dpl) | ACC_S | ACC_WRITE)
#define ACC_CODE_SEG(dpl) (ACC_P | ACC_DPL(dpl) | ACC_S | ACC_CODE | ACC_READ)

/* System descriptor types (S = 0). */
#define SYS_LDT	     0x02
#define SYS_TSS32    0x09
#define SYS_CALLGATE 0x0C
#define SYS_INTGATE  0x0E

/* A code or data descriptor: base, limit (in bytes if !pages, else in
 * 4 KiB pages: the number of the last page), 32-bit. */
struct seg_desc seg_make(uint32_t base, uint32_t limit, uint8_t access,
			 int pages);

/* A call gate of DPL dpl to sel:offset. */
struct seg_desc gate_make(uint16_t sel, uint32_t offset, int dpl);

/* The machine frame of a page of ours (through start_info's p2m list). */
uint32_t virt_to_mfn(const void *va);

/* The machine address of a byte of ours. */
uint32_t virt_to_maddr(const void *va);

/* set_gdt with our own table: `entries` descriptors in page-aligned
 * memory starting at table (one frame per 512 entries). */
long gdt_install(const struct seg_desc *table, unsigned entries);

/* update_descriptor for entry `index` of a table given to gdt_install. */
long gdt_update(const struct seg_desc *table, unsigned index,
		struct seg_desc d);

/* lsl: the limit of sel (byte offset of its last byte); 0 and *ok = 0 if
 * the CPU refuses to tell. lar: the access-rights word (bits 8-23 of the
 * high word). verr / verw: whether the segment is readable / writable
 * from here. */
uint32_t seg_lsl(uint16_t sel, int *ok);
uint32_t seg_lar(uint16_t sel, int *ok);
int seg_verr(uint16_t sel);
int seg_verw(uint16_t sel);

/* The selector of GDT entry index at privilege rpl. */
#define SEL(index, rpl) ((uint16_t)(((index) << 3) | (rpl)))

#endif
