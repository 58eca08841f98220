/*
 * Segment descriptors a guest asks for, and the selectors it uses:
 * validation (exercise 1) and lookup.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/desc.h>
#include <vmm/domain.h>
#include <vmm/memlayout.h>

uint32_t desc_base(const struct seg_desc *d)
{
	return (d->lo >> 16) | ((d->hi & 0xFF) << 16) | (d->hi & 0xFF000000);
}

uint32_t desc_limit(const struct seg_desc *d)
{
	uint32_t limit = (d->lo & 0xFFFF) | (d->hi & 0xF0000);

	return (d->hi & DESC_G) ? (limit << 12) | 0xFFF : limit;
}

int desc_flat(const struct seg_desc *d)
{
	return desc_base(d) == 0 && desc_limit(d) >= GUEST_SEG_END - 1;
}

void desc_set_limit(struct seg_desc *d, uint32_t last)
{
	uint32_t limit;

	if (last >= 0xFFFFF) { /* needs page granularity */
		limit = ((last + 1) >> 12) - 1;
		d->hi |= DESC_G;
	} else {
		limit = last;
		d->hi &= ~DESC_G;
	}
	d->lo = (d->lo & 0xFFFF0000) | (limit & 0xFFFF);
	d->hi = (d->hi & ~0xF0000u) | (limit & 0xF0000);
}

int check_descriptor(struct seg_desc *d)
{
	/* BEGIN LAB 2 EXERCISE 1 (check_descriptor) */
	uint32_t base, end;

	if (!(d->hi & DESC_P))
		return 0;
	if (!(d->hi & DESC_S) || DESC_DPL(d->hi) == 0)
		return -EINVAL;
	if (DESC_DPL(d->hi) == 2) /* guests run in rings 1 and 3 only */
		return -EINVAL;
	if ((d->hi & DESC_CODE) && (d->hi & DESC_EXPDOWN)) /* conforming */
		return -EINVAL;
	if (!(d->hi & DESC_CODE) && (d->hi & DESC_EXPDOWN))
		return -EINVAL;
	base = desc_base(d);
	if (base >= GUEST_SEG_END)
		return -EINVAL;
	end = GUEST_SEG_END - 1 - base; /* the largest allowed limit */
	if (desc_limit(d) > end)
		desc_set_limit(d, end);
	if (DESC_DPL(d->hi) == 1 && (d->hi & (DESC_CODE | DESC_WRITE)) &&
	    !desc_flat(d)) /* ring 1 could run on it: cs or ss */
		return -EINVAL;
	d->hi |= DESC_ACCESSED;
	return 0;
	/* END LAB 2 EXERCISE 1 */
}

const struct seg_desc *guest_desc(const struct domain *d, uint16_t sel)
{
	uint32_t index = sel >> 3;
	const struct seg_desc *page;

	if ((sel & 4) || index == 0) /* LDT, or the null selector */
		return NULL;
	if (index >= FIRST_RESERVED_GDT_ENTRY) {
		switch (sel & ~3u) {
		case FLAT_RING1_CS & ~3u:
		case FLAT_RING1_DS & ~3u:
		case FLAT_RING3_CS & ~3u:
		case FLAT_RING3_DS & ~3u:
			return &vmm_gdt_page[index - FIRST_RESERVED_GDT_ENTRY];
		}
		return NULL; /* the VMM's own descriptors */
	}
	if (index >= d->ext.gdt_entries)
		return NULL;
	page = P2V((paddr_t)d->ext.gdt_copy[index / 512] << PAGE_SHIFT);
	return &page[index % 512];
}

/* RPL 1 and a present, flat code-or-data descriptor of DPL 1 whose type
 * bits under `mask` equal `want`. Flat: the VMM treats handler addresses
 * and stack pointers as linear addresses. (check_descriptor already lets
 * no other DPL-1 code or writable data into a guest's GDT; the VMM's own
 * flat descriptors are flat: the check here is a second line.) */
static int check_kernel_selector(const struct domain *d, uint16_t sel,
				 uint32_t mask, uint32_t want)
{
	const struct seg_desc *desc = guest_desc(d, sel);

	if ((sel & 3) != 1 || !desc || !(desc->hi & DESC_P) ||
	    !(desc->hi & DESC_S) || DESC_DPL(desc->hi) != 1 ||
	    (desc->hi & mask) != want || !desc_flat(desc))
		return -EPERM;
	return 0;
}

int check_code_selector(const struct domain *d, uint16_t sel)
{
	return check_kernel_selector(d, sel, DESC_CODE | DESC_EXPDOWN,
				     DESC_CODE);
}

int check_stack_selector(const struct domain *d, uint16_t sel)
{
	return check_kernel_selector(d, sel, DESC_CODE | DESC_WRITE,
				     DESC_WRITE);
}
