/*
 * Reaching guest memory from the VMM. The VMM runs in its own address
 * space, so a guest pointer means nothing to the MMU there: the VMM walks
 * the guest's page tables in software and uses the direct map. A bad
 * pointer is an error code, never a VMM fault.
 */
#ifndef VMM_GUESTMEM_H
#define VMM_GUESTMEM_H

#include <vmm/types.h>

struct domain;

/* Access rights a walk must find: an access is allowed only if every level
 * of the walk grants it, as the MMU would (CR0.WP = 1). */
#define WALK_WRITE 0x1 /* the access writes */
#define WALK_USER  0x2 /* the access is made on behalf of ring 3 */

/*
 * LAB 1 EXERCISE 8. Translates guest virtual address va in the address
 * space whose L2 table is at machine address l2 into a machine address in
 * *ma. Fails with -EFAULT if va is in the hole, an entry on the way is not
 * present or lacks a right asked for in `access`, the L2 entry is a 4 MiB
 * superpage, or a frame on the way (the L1 table or the target) is
 * outside machine memory (mfn_valid).
 */
int guest_walk(paddr_t l2, vaddr_t va, unsigned access, paddr_t *ma);

/* Copy len bytes between VMM memory and the current address space of d.
 * Return 0 or -EFAULT; on -EFAULT part of the copy may have happened. */
int copy_from_guest(struct domain *d, void *dst, vaddr_t src, uint32_t len);
int copy_to_guest(struct domain *d, vaddr_t dst, const void *src, uint32_t len);

#endif
