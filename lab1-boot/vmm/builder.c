/*
 * The domain builder: boot module -> domain. It runs the BUILD_STEPs in
 * priority order; lab 1's steps are below, later labs add their own
 * (e.g. at 65, after the page tables). A step that fails names the
 * reason in b->why; everything built so far is then released.
 */
#include <lib/compiler.h>
#include <lib/printfmt.h>
#include <lib/string.h>
#include <public/errno.h>
#include <vmm/memlayout.h>
#include <vmm/builder.h>
#include <vmm/elf.h>
#include <vmm/frame.h>
#include <vmm/paging.h>
#include <vmm/printk.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

static char why_buf[80];

/* Records the reason for refusing the domain; returns err. */
static int refuse(struct build_info *b, int err, const char *fmt, ...)
	__printf(3, 4);
static int refuse(struct build_info *b, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why_buf, sizeof(why_buf), fmt, ap);
	va_end(ap);
	b->why = why_buf;
	return err;
}

/* Validates the image and plans the pseudo-physical layout (builder.h). */
static int plan_layout(struct domain *d, struct build_info *b)
{
	const struct domain_config *cfg = b->cfg;
	struct elf_limits lim = { GUEST_VIRT_BASE, HOLE_START,
				  d->nr_pages << PAGE_SHIFT };
	uint32_t end;
	pfn_t need;

	if (elf_check_header(cfg->image, cfg->image_len, &b->why) ||
	    elf_check_segments(cfg->image, cfg->image_len, &lim, &end, &b->why))
		return -EINVAL;
	b->entry = ((const struct elf32_ehdr *)cfg->image)->e_entry;
	b->image_pages = ALIGN_UP(end - GUEST_VIRT_BASE, PAGE_SIZE) >>
			 PAGE_SHIFT;
	b->p2m_pfn = b->image_pages;
	b->p2m_pages = ALIGN_UP(d->nr_pages * 4, PAGE_SIZE) >> PAGE_SHIFT;
	b->start_info_pfn = b->p2m_pfn + b->p2m_pages;
	b->pt.l2_pfn = b->start_info_pfn + 1;
	b->pt.next_pfn = b->pt.l2_pfn + 1;
	b->pt.end_pfn =
		b->pt.next_pfn + BUILDER_PT_EXTRA +
		ALIGN_UP(d->nr_pages, ENTRIES_PER_TABLE) / ENTRIES_PER_TABLE;
	b->stack_pfn = b->pt.end_pfn;
	need = b->stack_pfn + 1;
	if (need > d->nr_pages)
		return refuse(
			b, -ENOMEM,
			"image and boot data need %u pages, mem= gives %u",
			need, d->nr_pages);
	return 0;
}
BUILD_STEP(10, plan_layout);

/* Gives the domain its frames, and one VMM frame for its hole slot. */
static int alloc_memory(struct domain *d, struct build_info *b)
{
	if (frames_free() < d->nr_pages + 1)
		return refuse(b, -ENOMEM, "needs %u frames, only %u free",
			      d->nr_pages + 1, frames_free());
	for (pfn_t pfn = 0; pfn < d->nr_pages; pfn++) {
		d->p2m[pfn] = frame_alloc(d->id);
		if (d->p2m[pfn] == INVALID_MFN)
			return refuse(b, -ENOMEM, "out of frames");
	}
	d->perdomain_l1 = frame_alloc(DOMID_XEN);
	if (d->perdomain_l1 == INVALID_MFN)
		return refuse(b, -ENOMEM, "out of frames");
	paging_init_perdomain(d->perdomain_l1);
	b->pt.p2m = d->p2m;
	b->pt.nr_pages = d->nr_pages;
	return 0;
}
BUILD_STEP(20, alloc_memory);

/* Copies n bytes to the domain's pseudo-physical address pa. */
static void copy_to_pseudo(struct domain *d, uint32_t pa, const char *src,
			   uint32_t n)
{
	while (n) {
		uint32_t off = pa & (PAGE_SIZE - 1);
		uint32_t chunk = MIN(n, PAGE_SIZE - off);
		char *dst =
			P2V(((paddr_t)d->p2m[pa >> PAGE_SHIFT] << PAGE_SHIFT) +
			    off);

		memcpy(dst, src, chunk);
		pa += chunk;
		src += chunk;
		n -= chunk;
	}
}

/* Copies each PT_LOAD segment; the rest (bss) is zero already, since
 * frame_alloc zeroes frames. */
static int load_image(struct domain *d, struct build_info *b)
{
	const struct elf32_ehdr *eh = b->cfg->image;

	for (int i = 0; i < eh->e_phnum; i++) {
		const struct elf32_phdr *ph = elf_phdr(eh, i);

		if (ph->p_type == PT_LOAD)
			copy_to_pseudo(d, ph->p_vaddr - GUEST_VIRT_BASE,
				       (const char *)eh + ph->p_offset,
				       ph->p_filesz);
	}
	return 0;
}
BUILD_STEP(30, load_image);

static void *pfn_to_vmm(struct domain *d, pfn_t pfn)
{
	return P2V((paddr_t)d->p2m[pfn] << PAGE_SHIFT);
}

/* The guest's own copy of its pfn -> mfn map, and the start-info page. */
static int write_boot_info(struct domain *d, struct build_info *b)
{
	struct start_info *si = pfn_to_vmm(d, b->start_info_pfn);

	for (pfn_t pfn = 0; pfn < d->nr_pages; pfn++)
		((mfn_t *)pfn_to_vmm(d, b->p2m_pfn + pfn / 1024))[pfn % 1024] =
			d->p2m[pfn];
	strlcpy(si->magic, START_INFO_MAGIC, sizeof(si->magic));
	si->nr_pages = d->nr_pages;
	si->pt_base = pfn_to_va(b->pt.l2_pfn);
	si->nr_pt_frames = b->pt.end_pfn - b->pt.l2_pfn;
	si->mfn_list = pfn_to_va(b->p2m_pfn);
	strlcpy(si->cmd_line, b->cfg->args, sizeof(si->cmd_line));
	b->si = si;
	return 0;
}
BUILD_STEP(40, write_boot_info);

/* All memory at GUEST_VIRT_BASE, supervisor-only; the tables read-only;
 * then the hole slots. */
static int build_page_tables(struct domain *d, struct build_info *b)
{
	pfn_t pt_first = b->pt.l2_pfn, pt_end = b->pt.end_pfn;

	for (pfn_t pfn = 0; pfn < d->nr_pages; pfn++)
		if (pt_map_page(&b->pt, pfn_to_va(pfn), pfn, PTE_W))
			return refuse(b, -ENOMEM, "page-table pool too small");
	for (pfn_t pfn = pt_first; pfn < pt_end; pfn++)
		if (pt_map_page(&b->pt, pfn_to_va(pfn), pfn, 0))
			return refuse(b, -ENOMEM, "page-table pool too small");
	paging_fill_guest_hole(pfn_to_vmm(d, b->pt.l2_pfn), d->perdomain_l1);
	d->vcpu.cr3 = (paddr_t)d->p2m[b->pt.l2_pfn] << PAGE_SHIFT;
	return 0;
}
BUILD_STEP(60, build_page_tables);

/* The first instruction: ring 1 at the entry point, %esi = start info. */
static int init_registers(struct domain *d, struct build_info *b)
{
	struct cpu_regs *r;

	vcpu_init(&d->vcpu, d);
	r = vcpu_regs(&d->vcpu);
	memset(r, 0, sizeof(*r));
	r->eip = b->entry;
	r->cs = FLAT_RING1_CS;
	r->ss = r->ds = r->es = r->fs = r->gs = FLAT_RING1_DS;
	r->esp = pfn_to_va(b->stack_pfn + 1);
	r->esi = pfn_to_va(b->start_info_pfn);
	r->eflags = 0x202; /* IF, and bit 1 which is always set */
	return 0;
}
BUILD_STEP(90, init_registers);

int domain_build(domid_t id, const struct domain_config *cfg)
{
	struct domain *d = &domains[id];
	struct build_info b = { .cfg = cfg };
	int rc = 0;

	memset(d, 0, sizeof(*d));
	d->id = id;
	strlcpy(d->name, cfg->name, sizeof(d->name));
	d->nr_pages = cfg->nr_pages;
	d->perdomain_l1 = INVALID_MFN;
	for (pfn_t pfn = 0; pfn < d->nr_pages; pfn++)
		d->p2m[pfn] = INVALID_MFN;
	for_each_entry (build_step, s) {
		rc = s->fn(d, &b);
		if (rc)
			break;
	}
	if (rc) {
		d->shutdown_reason = -1;
		snprintf(d->exit_why, sizeof(d->exit_why), "refused: %s",
			 b.why ? b.why : "build failed");
		printk("d%u (%s): %s\n", id, d->name, d->exit_why);
		domain_destroy(d);
		return rc;
	}
	d->state = DOM_RUNNING;
	sched_add(&d->vcpu);
	printk("d%u (%s): %u KiB, entry %08x, start info %08x\n", id, d->name,
	       d->nr_pages * 4, b.entry, pfn_to_va(b.start_info_pfn));
	return 0;
}
