/*
 * Wrappers for the page-table hypercalls of lab 3 (public/mmu.h), and the
 * translations a guest needs to use them.
 */
#ifndef GUEST_HYPERCALL_MMU_H
#define GUEST_HYPERCALL_MMU_H

#include <stdint.h>
#include <guest/hypercall.h>
#include <guest/platform.h>
#include <public/mmu.h>

static inline long HYPERVISOR_mmu_update(const struct mmu_update *reqs,
					 unsigned count, unsigned *pdone)
{
	return _hypercall4(__HYPERVISOR_mmu_update, (unsigned long)reqs, count,
			   (unsigned long)pdone, DOMID_SELF);
}

static inline long HYPERVISOR_mmuext_op(const struct mmuext_op *ops,
					unsigned count, unsigned *pdone)
{
	return _hypercall4(__HYPERVISOR_mmuext_op, (unsigned long)ops, count,
			   (unsigned long)pdone, DOMID_SELF);
}

static inline long HYPERVISOR_update_va_mapping(uint32_t va, uint32_t val,
						unsigned flags)
{
	return _hypercall4(__HYPERVISOR_update_va_mapping, va, val, 0, flags);
}

/* One mmuext_op on one frame. */
static inline long mmuext_one(unsigned cmd, uint32_t mfn)
{
	struct mmuext_op op = { cmd, { mfn }, { 0 } };

	return HYPERVISOR_mmuext_op(&op, 1, 0);
}

/* One mmu_update of the entry at machine address ma. */
static inline long mmu_set(uint32_t ma, uint32_t val)
{
	struct mmu_update req = { ma | MMU_NORMAL_PT_UPDATE, val };

	return HYPERVISOR_mmu_update(&req, 1, 0);
}

/* The machine-to-physical table, read-only. */
#define machine_to_phys ((const uint32_t *)MACH2PHYS_VIRT_START)

/* Frame numbers of the guest's own memory (the builder's layout: every
 * pfn at 0xC0000000 + pfn * 4K; the p2m list in start_info.mfn_list). */
static inline uint32_t pfn_to_mfn(uint32_t pfn)
{
	return ((const uint32_t *)start_info->mfn_list)[pfn];
}

static inline uint32_t va_to_pfn(const void *va)
{
	return ((uint32_t)va - 0xC0000000u) >> 12;
}

static inline uint32_t va_to_mfn(const void *va)
{
	return pfn_to_mfn(va_to_pfn(va));
}

#endif
