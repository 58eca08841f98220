/* Segment descriptors for test guests: see include/guest/gdt.h. */
#include <guest/gdt.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <public/layout.h>

struct seg_desc seg_make(uint32_t base, uint32_t limit, uint8_t access,
			 int pages)
{
	struct seg_desc d;

	d.lo = (limit & 0xFFFF) | (base << 16);
	d.hi = ((base >> 16) & 0xFF) | ((uint32_t)access << 8) |
	       (limit & 0xF0000) | (1u << 22) /* D: 32-bit */ |
	       (pages ? (1u << 23) : 0) | (base & 0xFF000000);
	return d;
}

struct seg_desc gate_make(uint16_t sel, uint32_t offset, int dpl)
{
	struct seg_desc d;

	d.lo = (offset & 0xFFFF) | ((uint32_t)sel << 16);
	d.hi = (offset & 0xFFFF0000) |
	       ((uint32_t)(ACC_P | ACC_DPL(dpl) | SYS_CALLGATE) << 8);
	return d;
}

uint32_t virt_to_mfn(const void *va)
{
	const uint32_t *p2m = (const uint32_t *)start_info->mfn_list;

	return p2m[((uint32_t)va - KIT_KERNEL_BASE) >> 12];
}

uint32_t virt_to_maddr(const void *va)
{
	return (virt_to_mfn(va) << 12) | ((uint32_t)va & 0xFFF);
}

long gdt_install(const struct seg_desc *table, unsigned entries)
{
	unsigned long frames[14];

	for (unsigned i = 0; i < 14 && i * 512 < entries; i++)
		frames[i] = virt_to_mfn(table + i * 512);
	return HYPERVISOR_set_gdt(frames, entries);
}

long gdt_update(const struct seg_desc *table, unsigned index, struct seg_desc d)
{
	return HYPERVISOR_update_descriptor(virt_to_maddr(&table[index]), d.lo,
					    d.hi);
}

uint32_t seg_lsl(uint16_t sel, int *ok)
{
	uint32_t limit = 0;
	uint8_t zf;

	__asm__ volatile("lsl %2, %0; setz %1"
			 : "+r"(limit), "=q"(zf)
			 : "r"((uint32_t)sel)
			 : "cc");
	*ok = zf;
	return zf ? limit : 0;
}

uint32_t seg_lar(uint16_t sel, int *ok)
{
	uint32_t ar = 0;
	uint8_t zf;

	__asm__ volatile("lar %2, %0; setz %1"
			 : "+r"(ar), "=q"(zf)
			 : "r"((uint32_t)sel)
			 : "cc");
	*ok = zf;
	return zf ? ar : 0;
}

int seg_verr(uint16_t sel)
{
	uint8_t zf;

	__asm__ volatile("verr %w1; setz %0" : "=q"(zf) : "r"(sel) : "cc");
	return zf;
}

int seg_verw(uint16_t sel)
{
	uint8_t zf;

	__asm__ volatile("verw %w1; setz %0" : "=q"(zf) : "r"(sel) : "cc");
	return zf;
}
