/*
 * The domain builder: turns a boot module into a domain ready to run.
 *
 * Pseudo-physical layout of a new domain (as in Xen's x86-32 builder):
 *   pfn 0 ...        the kernel image (virtual GUEST_VIRT_BASE + pfn * 4K)
 *   then             the pfn -> mfn list (start_info.mfn_list)
 *   then             the start-info page
 *   then             the initial page tables: L2 first, then a pool of L1s
 *                    (start_info.pt_base, nr_pt_frames)
 *   then             one boot-stack page; %esp starts at its top
 *   the rest         free for the guest
 * Every pfn is mapped at GUEST_VIRT_BASE + pfn * 4K, supervisor-only;
 * the page-table frames read-only.
 */
#ifndef VMM_BUILDER_H
#define VMM_BUILDER_H

#include <vmm/memlayout.h>
#include <vmm/domain.h>
#include <vmm/pt.h>

/* Where the builder placed things; later labs' BUILD_STEPs read it. */
struct build_info {
	const struct domain_config *cfg;
	pfn_t image_pages;
	pfn_t p2m_pfn, p2m_pages;
	pfn_t start_info_pfn;
	pfn_t stack_pfn;
	uint32_t entry;
	struct pt_builder pt;
	struct start_info *si; /* in the direct map */
	const char *why;       /* set by a failing step: the refusal reason */
};

#define BUILDER_PT_EXTRA 4 /* spare L1s for later labs' mappings */

/* Builds domain `id` from cfg. Returns 0, or prints a one-line refusal
 * naming the module and the reason and returns -errno; then nothing of
 * the domain remains. */
int domain_build(domid_t id, const struct domain_config *cfg);

static inline vaddr_t pfn_to_va(pfn_t pfn)
{
	return GUEST_VIRT_BASE + (pfn << 12);
}

#endif
