/*
 * set_gdt (hypercall 2) and update_descriptor (hypercall 10).
 *
 * Xen maps the guest's own GDT frames read-only and relies on page types
 * (lab 3) so that the guest holds no writable mapping of them. The kit
 * copies instead: every descriptor is validated (check_descriptor) and
 * copied into frames of the VMM's, mapped read-only in the GDT area of the
 * guest's address space. What the guest changes in its own frames later
 * has no effect until it calls update_descriptor or set_gdt again.
 */
#include <lib/string.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/desc.h>
#include <vmm/domain.h>
#include <vmm/frame.h>
#include <vmm/guestmem.h>
#include <vmm/memlayout.h>
#include <vmm/paging.h>
#include <vmm/printk.h>
#include <vmm/registry.h>
#include <vmm/sched.h>
#include <vmm/trap.h>

#define DESCS_PER_PAGE 512

static void free_copies(uint32_t *copies, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (copies[i]) {
			frame_free(copies[i]);
			copies[i] = 0;
		}
}

/* Maps the domain's GDT copies (and zero pages for the rest) at GDT_VIRT. */
static void map_gdt(struct domain *d)
{
	pte_t *l1 = P2V((paddr_t)d->perdomain_l1 << PAGE_SHIFT);

	paging_init_perdomain(d->perdomain_l1);
	for (unsigned i = 0; i < GUEST_GDT_PAGES; i++)
		if (d->ext.gdt_copy[i])
			l1[i] = ((paddr_t)d->ext.gdt_copy[i] << PAGE_SHIFT) |
				PTE_P;
}

/*
 * After the GDT changed: a data segment register of the interrupted guest
 * that no longer names a usable descriptor becomes the null selector (as
 * the CPU would do to it anyway on a privilege change); a code or stack
 * segment that went away ends the domain. Returns 0 or -1 (destroyed).
 */
static int fix_segments(struct domain *d, struct cpu_regs *r)
{
	uint32_t *data[] = { &r->ds, &r->es, &r->fs, &r->gs };

	for (unsigned i = 0; i < 4; i++) {
		const struct seg_desc *desc = guest_desc(d, *data[i]);

		if (*data[i] && (!desc || !(desc->hi & DESC_P)))
			*data[i] = 0;
	}
	if (!guest_desc(d, r->cs) || !guest_desc(d, r->ss)) {
		domain_crash(d, r, 0, "its GDT change removed cs or ss");
		return -1;
	}
	return 0;
}

/* Validates `entries` descriptors of the guest frames into new copies. */
static int copy_gdt(struct domain *d, const unsigned long *frames,
		    unsigned entries, uint32_t *copies)
{
	for (unsigned i = 0; i * DESCS_PER_PAGE < entries; i++) {
		const struct seg_desc *src;
		struct seg_desc *dst;
		unsigned n = MIN(entries - i * DESCS_PER_PAGE, DESCS_PER_PAGE);

		if (!mfn_valid(frames[i]) ||
		    mfn_to_frame(frames[i])->owner != d->id)
			return -EINVAL;
		copies[i] = frame_alloc(DOMID_XEN);
		if (copies[i] == INVALID_MFN) {
			copies[i] = 0;
			return -ENOMEM;
		}
		src = P2V((paddr_t)frames[i] << PAGE_SHIFT);
		dst = P2V((paddr_t)copies[i] << PAGE_SHIFT);
		for (unsigned j = 0; j < n; j++) {
			dst[j] = src[j];
			if (check_descriptor(&dst[j]))
				return -EINVAL;
		}
	}
	return 0;
}

/* set_gdt(frame_list, entries): frame_list holds the machine frame numbers
 * of the guest pages with its first `entries` descriptors. */
long do_set_gdt(unsigned long frame_list, unsigned long entries)
{
	struct domain *d = current->domain;
	unsigned long frames[GUEST_GDT_PAGES];
	uint32_t copies[GUEST_GDT_PAGES] = { 0 };
	unsigned pages = (entries + DESCS_PER_PAGE - 1) / DESCS_PER_PAGE;
	int rc;

	if (entries > FIRST_RESERVED_GDT_ENTRY)
		return -EINVAL;
	if (copy_from_guest(d, frames, frame_list, pages * sizeof(frames[0])))
		return -EFAULT;
	rc = copy_gdt(d, frames, entries, copies);
	if (rc) {
		free_copies(copies, GUEST_GDT_PAGES);
		return rc;
	}
	free_copies(d->ext.gdt_copy, GUEST_GDT_PAGES);
	memcpy(d->ext.gdt_copy, copies, sizeof(copies));
	memset(d->ext.gdt_guest, 0, sizeof(d->ext.gdt_guest));
	for (unsigned i = 0; i < pages; i++)
		d->ext.gdt_guest[i] = frames[i];
	d->ext.gdt_entries = entries;
	map_gdt(d);
	fix_segments(d, vcpu_regs(current));
	return 0;
}
HYPERCALL(__HYPERVISOR_set_gdt, do_set_gdt);

/* update_descriptor(ma, desc) with 64-bit arguments in register pairs:
 * ma is the machine address of an entry in use in one of the guest's GDT
 * frames (given to set_gdt), desc its new value. Also writes the guest's
 * own frame, so that what it reads there stays what is in force. */
long do_update_descriptor(unsigned long ma_lo, unsigned long ma_hi,
			  unsigned long desc_lo, unsigned long desc_hi)
{
	struct domain *d = current->domain;
	struct seg_desc desc = { desc_lo, desc_hi };
	uint32_t mfn = ma_lo >> PAGE_SHIFT;
	uint32_t slot = (ma_lo & (PAGE_SIZE - 1)) / sizeof(desc);
	unsigned page;

	if (ma_hi || (ma_lo & 7))
		return -EINVAL;
	for (page = 0; page < GUEST_GDT_PAGES; page++)
		if (d->ext.gdt_guest[page] == mfn &&
		    page * DESCS_PER_PAGE + slot < d->ext.gdt_entries)
			break;
	if (page == GUEST_GDT_PAGES || check_descriptor(&desc))
		return -EINVAL;
	((struct seg_desc *)P2V((paddr_t)d->ext.gdt_copy[page]
				<< PAGE_SHIFT))[slot] = desc;
	((struct seg_desc *)P2V((paddr_t)mfn << PAGE_SHIFT))[slot] = desc;
	fix_segments(d, vcpu_regs(current));
	return 0;
}
HYPERCALL(__HYPERVISOR_update_descriptor, do_update_descriptor);

static void gdt_teardown(struct domain *d)
{
	free_copies(d->ext.gdt_copy, GUEST_GDT_PAGES);
	d->ext.gdt_entries = 0;
}
TEARDOWN_STEP(20, gdt_teardown);
