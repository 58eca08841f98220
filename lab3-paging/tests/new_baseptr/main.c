/*
 * new_baseptr (exercise 7): MMUEXT_NEW_BASEPTR switches our address space
 * to another L2.
 *  - to a pinned L2 holding the kernel's entries plus a page mapped at
 *    0x40000000: the page is there, and gone when we switch back;
 *    update_va_mapping then works on the L2 in use;
 *  - to an L2 never pinned: validated by the switch (no writable mapping
 *    while it is the base), released when we leave it (writable again);
 *  - the initial L2 unpinned while we run on another: it is released
 *    then, and validated again when we switch back to it;
 *  - the base holds a reference: an L2 unpinned while in use stays a
 *    table until we leave it;
 *  - the M2P and the trampoline work in every address space;
 *  - refused: an L1 (-EBUSY), a page mapped writable (-EBUSY), a frame not
 *    ours (-EPERM), and we stay where we were;
 *  - in one batch: pin, switch to, unpin and leave an L2 releases it; the
 *    ops after a switch are read through the new address space (an op
 *    array mapped only in the old one: -EFAULT after one done).
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "new base pointer: switching address spaces";

#define NEW_BASE MMUEXT_NEW_BASEPTR

/*
 * Switches inside one mmuext_op batch, from l2 (the base): the ops after
 * a NEW_BASEPTR are read through the new address space.
 */
static void batches(uint32_t l2)
{
	uint32_t e = l2_make(0), d = l2_make(0), l1 = l1_make(0);
	uint32_t z = page_get(), va = SLOT_VA(SCRATCH_SLOT + 2);
	struct mmuext_op *ops = (struct mmuext_op *)KVA(z);
	unsigned done = 0;

	/* Pin, switch to, unpin and leave e: nothing of it remains. */
	ops[0] = (struct mmuext_op){ MMUEXT_PIN_L2_TABLE,
				     { pfn_to_mfn(e) },
				     { 0 } };
	ops[1] = (struct mmuext_op){ NEW_BASE, { pfn_to_mfn(e) }, { 0 } };
	ops[2] = (struct mmuext_op){ MMUEXT_UNPIN_TABLE,
				     { pfn_to_mfn(e) },
				     { 0 } };
	ops[3] = (struct mmuext_op){ NEW_BASE, { pfn_to_mfn(l2) }, { 0 } };
	check_eq(HYPERVISOR_mmuext_op(ops, 4, &done), 0);
	check_eq(done, 4);
	check_eq(kmap(e, PTE_RW), 0);
	check_eq(kmap(e, PTE_RO), 0);
	printf("pin, switch, unpin, switch back in one batch: e released\n");

	/* The ops, at va in l2 only (d was made before): once the first
	 * switches to d, the second cannot be read. */
	check_eq(set_entry(l2, SCRATCH_SLOT + 2, ptep(l1, PTE_RW)), 0);
	check_eq(set_entry(l1, 0, ptep(z, PTE_RW)), 0);
	ops[0] = (struct mmuext_op){ NEW_BASE, { pfn_to_mfn(d) }, { 0 } };
	for (int i = 1; i < 40; i++)
		ops[i] = (struct mmuext_op){ MMUEXT_TLB_FLUSH_LOCAL,
					     { 0 },
					     { 0 } };
	check_eq(HYPERVISOR_mmuext_op((struct mmuext_op *)va, 40, &done),
		 -EFAULT);
	check_eq(done, 1);
	check_eq(base_switch(l2), 0);
	printf("the ops after a switch are read through the new L2\n");
}

void test_main(void)
{
	uint32_t l2 = l2_pfn(), b = l2_make(1), c = l2_make(0), l1 = l1_make(1);
	uint32_t x = page_get(), y = page_get();
	volatile uint32_t *v = (uint32_t *)SCRATCH_VA;
	struct fault f;

	((volatile uint32_t *)KVA(x))[0] = 0xb0b0b0b0;
	((volatile uint32_t *)KVA(y))[0] = 0xc0c0c0c0;
	check_eq(set_entry(l1, 0, ptep(x, PTE_RW)), 0);
	check_eq(set_entry(b, SCRATCH_SLOT, ptep(l1, PTE_RW)), 0);
	check(probe_read(SCRATCH_VA, &f) && f.cr2 == SCRATCH_VA);

	check_eq(base_switch(b), 0);
	check_eq(v[0], 0xb0b0b0b0);
	check_eq(machine_to_phys[pfn_to_mfn(x)], x);
	check_eq(HYPERVISOR_update_va_mapping(SCRATCH_VA, ptep(y, PTE_RO), 0),
		 0);
	check_eq(v[0], 0xc0c0c0c0);
	check_eq(entry(l1, 0) & ~PTE_A, ptep(y, PTE_RO));
	check_eq(base_switch(l2), 0);
	check(probe_read(SCRATCH_VA, &f) && f.cr2 == SCRATCH_VA);
	check_eq(HYPERVISOR_update_va_mapping(SCRATCH_VA, 0, 0), -EINVAL);
	printf("switched to a pinned L2 and back\n");

	/* c was never pinned: the switch validates it. */
	check_eq(set_entry(c, SCRATCH_SLOT, ptep(l1, PTE_RO)), -EINVAL);
	check_eq(base_switch(c), 0);
	check_eq(kmap(c, PTE_RW), -EBUSY);
	check_eq(set_entry(c, SCRATCH_SLOT, ptep(l1, PTE_RO)), 0);
	check_eq(v[0], 0xc0c0c0c0);
	check_eq(base_switch(b), 0);
	check_eq(kmap(c, PTE_RW), 0);
	check_eq(kmap(c, PTE_RO), 0);
	printf("an L2 never pinned: validated while it was the base\n");

	/* The initial L2 unpinned while we run on b, then used again. */
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(l2)), 0);
	check_eq(kmap(l2, PTE_RW), 0);
	check_eq(kmap(l2, PTE_RO), 0);
	check_eq(base_switch(l2), 0);
	check_eq(kmap(l2, PTE_RW), -EBUSY);
	check_eq(mmuext_one(MMUEXT_PIN_L2_TABLE, pfn_to_mfn(l2)), 0);
	printf("the initial L2, released and validated again\n");

	/* b unpinned while it is the base: still a table until we leave. */
	check_eq(base_switch(b), 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(b)), 0);
	check_eq(kmap(b, PTE_RW), -EBUSY);
	check_eq(v[0], 0xc0c0c0c0);
	check_eq(set_entry(b, SCRATCH_SLOT + 1, 0), 0);

	/* Refused: we stay on b. */
	check_eq(base_switch(l1), -EBUSY);
	check_eq(base_switch(x), -EBUSY);
	check_eq(mmuext_one(NEW_BASE, 0x100), -EPERM);
	check_eq(mmuext_one(NEW_BASE, MFN_BEYOND), -EPERM);
	check_eq(mmuext_one(NEW_BASE, shared_info_mfn()), -EPERM);
	check_eq(v[0], 0xc0c0c0c0);
	check_eq(base_switch(l2), 0);
	check_eq(kmap(b, PTE_RW), 0);
	check(probe_read(SCRATCH_VA, &f));
	batches(l2);
	xtf_success("address spaces switched as asked");
}
