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
#include <vmm/bounce.h>
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

/* A data selector the VMM can load for the guest on the way out (in ring
 * 0, before its iret): null, or a present data or readable code segment
 * whose DPL allows the selector's RPL (conforming code: any). */
static int data_selector_ok(const struct domain *d, uint32_t sel)
{
	const struct seg_desc *desc = guest_desc(d, (uint16_t)sel);

	if ((sel & ~3u) == 0)
		return 1;
	if (sel > 0xFFFF || !desc || !(desc->hi & DESC_P) ||
	    !(desc->hi & DESC_S))
		return 0;
	if (desc->hi & DESC_CODE)
		return (desc->hi & DESC_WRITE) &&
		       ((desc->hi & DESC_EXPDOWN) ||
			DESC_DPL(desc->hi) >= (sel & 3));
	return DESC_DPL(desc->hi) >= (sel & 3);
}

/* cs:ss of a frame returning to ring 3: user code and data, DPL 3. */
static int user_segments_ok(const struct domain *d, uint32_t cs, uint32_t ss)
{
	const struct seg_desc *c = guest_desc(d, (uint16_t)cs);
	const struct seg_desc *s = guest_desc(d, (uint16_t)ss);

	return c && s && (c->hi & DESC_P) && (s->hi & DESC_P) &&
	       (c->hi & DESC_S) && (s->hi & DESC_S) && (c->hi & DESC_CODE) &&
	       !(s->hi & DESC_CODE) && (s->hi & DESC_WRITE) &&
	       DESC_DPL(s->hi) == 3 &&
	       ((c->hi & DESC_EXPDOWN) || DESC_DPL(c->hi) == 3);
}

/*
 * After the GDT changed, nothing the VMM loads for the guest later may
 * name a descriptor that is gone or changed: the VMM would fault in ring
 * 0 loading it. So: a data segment register of the interrupted guest that
 * is no longer usable becomes the null selector (as the CPU itself does
 * to data registers on a return to ring 3); trap-table entries and the
 * kernel stack whose selectors are no longer valid are dropped, from the
 * vCPU and from what the CPU uses (the IDT's fast gate, the TSS); and a code
 * or stack segment in use that went away ends the domain. Returns 0, or
 * -1 if the domain was destroyed.
 */
static int fix_segments(struct domain *d, struct cpu_regs *r)
{
	struct vcpu *v = &d->vcpu;
	uint32_t *data[] = { &r->ds, &r->es, &r->fs, &r->gs };
	int ok;

	for (unsigned i = 0; i < 4; i++)
		if (!data_selector_ok(d, *data[i]))
			*data[i] = 0;
	for (unsigned vec = 0; vec < 256; vec++)
		if (v->ext.traps[vec].address &&
		    check_code_selector(d, v->ext.traps[vec].cs))
			v->ext.traps[vec].address = 0;
	if (v->ext.kernel_ss && check_stack_selector(d, v->ext.kernel_ss)) {
		v->ext.kernel_ss = 0;	 /* ss 0: no kernel stack */
		kernel_stack_install(v); /* the TSS too: v runs */
	}
	fast_trap_install(v);
	ok = regs_ring(r) == 1 ?
		     !check_code_selector(d, (uint16_t)r->cs) &&
			     !check_stack_selector(d, (uint16_t)r->ss) :
		     user_segments_ok(d, r->cs, r->ss);
	if (!ok) {
		domain_crash(d, r, 0, "its GDT change removed its cs or ss");
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
 * of the guest pages with its first `entries` descriptors, each frame at
 * most once. */
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
	for (unsigned i = 1; i < pages; i++) /* update_descriptor finds an */
		for (unsigned j = 0; j < i; j++) /* entry by its frame */
			if (frames[i] == frames[j])
				return -EINVAL;
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
 * frames (given to set_gdt), desc its new value. Only the VMM's copy
 * changes: the VMM never writes the guest's frame, which may by now be
 * anything, even one of the guest's own (read-only) page tables. */
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
