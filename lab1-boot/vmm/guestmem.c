/*
 * Guest memory from the VMM: a software walk of the guest's page tables
 * (exercise 8) and copies built on it. The VMM never dereferences a guest
 * virtual address, so no guest pointer can make it fault.
 */
#include <lib/compiler.h>
#include <lib/exercise.h>
#include <lib/string.h>
#include <public/errno.h>
#include <vmm/memlayout.h>
#include <vmm/domain.h>
#include <vmm/frame.h>
#include <vmm/guestmem.h>
#include <arch/mmu.h>

int guest_walk(paddr_t l2, vaddr_t va, unsigned access, paddr_t *ma)
{
	/* BEGIN LAB 1 EXERCISE 8 (guest_walk) */
	(void)l2, (void)va, (void)access, (void)ma;
	EXERCISE_STUB(1, 8, "guest_walk");
	/* END LAB 1 EXERCISE 8 */
}

/* Copies len bytes between buf and guest address va, a page at a time. A range
 * that runs into the hole fails there, before va could wrap. */
static int copy_guest(struct domain *d, vaddr_t va, void *buf, uint32_t len,
		      unsigned access)
{
	char *p = buf;

	while (len) {
		uint32_t chunk = MIN(len, PAGE_SIZE - PAGE_OFFSET(va));
		paddr_t ma;

		if (guest_walk(d->vcpu.cr3, va, access, &ma))
			return -EFAULT;
		if (access & WALK_WRITE)
			memcpy(P2V(ma), p, chunk);
		else
			memcpy(p, P2V(ma), chunk);
		va += chunk;
		p += chunk;
		len -= chunk;
	}
	return 0;
}

int copy_from_guest(struct domain *d, void *dst, vaddr_t src, uint32_t len)
{
	return copy_guest(d, src, dst, len, 0);
}

int copy_to_guest(struct domain *d, vaddr_t dst, const void *src, uint32_t len)
{
	return copy_guest(d, dst, (void *)src, len, WALK_WRITE);
}
