/*
 * pin (exercise 6): MMUEXT_PIN_L1_TABLE / PIN_L2_TABLE and UNPIN_TABLE.
 *  - pinning validates a read-only page as the table asked for, which it
 *    then stays with no other reference; unpinning (its last reference)
 *    makes it an ordinary page;
 *  - a pinned L2 gets the VMM's hole slots, whatever the page held there,
 *    the same as those of the L2 in use;
 *  - pinning twice: -EINVAL (as L1 or as L2); unpinning twice, or a frame
 *    never pinned (a page, an L1 in use): -EINVAL, the L1 still in use;
 *  - pinning a frame not ours (frame 0, the VMM's, beyond memory, our
 *    shared-info page): -EPERM; unpinning one: -EINVAL;
 *  - pinning a page mapped writable: -EBUSY; one whose contents do not
 *    validate: their error, and it stays an ordinary page;
 *  - PIN_L3_TABLE, PIN_L4_TABLE and commands that do not exist: -ENOSYS;
 *  - a batch stops at the first refused op: *pdone says how many were
 *    done.
 */
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "pin and unpin";

#define PIN_L1 MMUEXT_PIN_L1_TABLE
#define PIN_L2 MMUEXT_PIN_L2_TABLE
#define UNPIN  MMUEXT_UNPIN_TABLE

void test_main(void)
{
	uint32_t a = page_get(), b = page_get(), x = page_get();
	uint32_t l2 = l2_pfn(), ma = pfn_to_mfn(a), mb = pfn_to_mfn(b);
	struct mmuext_op ops[3];
	unsigned done = 77;

	check_eq(mmuext_one(PIN_L1, ma), -EBUSY); /* writable */
	check_eq(kmap(a, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L1, ma), 0);
	check_eq(kmap(a, PTE_RW), -EBUSY);
	check_eq(mmuext_one(PIN_L1, ma), -EINVAL);
	check_eq(mmuext_one(PIN_L2, ma), -EINVAL);
	check_eq(set_entry(a, 0, ptep(x, PTE_RO)), 0); /* a pinned table */
	check_eq(mmuext_one(UNPIN, ma), 0);
	check_eq(mmuext_one(UNPIN, ma), -EINVAL);
	check_eq(set_entry(a, 0, 0), -EINVAL);
	check_eq(kmap(a, PTE_RW), 0);
	printf("an L1 pinned, used, unpinned\n");

	for (unsigned i = 0; i < 1024; i++)
		((uint32_t *)KVA(b))[i] = i < HOLE_SLOT ? entry(l2, i) :
							  ptep(x, PTE_RW);
	check_eq(kmap(b, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L2, mb), 0);
	for (unsigned i = HOLE_SLOT; i < 1024; i++)
		if ((entry(b, i) ^ entry(l2, i)) & ~(PTE_A | PTE_D))
			xtf_failure("pinned L2: hole slot %u is %x, not %x", i,
				    entry(b, i), entry(l2, i));
	check_eq(mmuext_one(PIN_L2, mb), -EINVAL);
	check_eq(mmuext_one(PIN_L1, mb), -EINVAL);
	check_eq(kmap(b, PTE_RW), -EBUSY);
	check_eq(set_entry(b, SCRATCH_SLOT, 0), 0);
	check_eq(mmuext_one(UNPIN, mb), 0);
	check_eq(kmap(b, PTE_RW), 0);
	printf("an L2 pinned, with the VMM's hole slots\n");

	/* Not pinned, not ours. */
	check_eq(mmuext_one(UNPIN, pfn_to_mfn(x)), -EINVAL);
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(a, PTE_RO)), -EBUSY);
	check_eq(kmap(a, PTE_RO), 0);
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(a, PTE_RW)), 0);
	check_eq(mmuext_one(UNPIN, ma), -EINVAL);
	check_eq(kmap(a, PTE_RW), -EBUSY);
	check_eq(set_entry(a, 1, 0), 0);
	check_eq(set_entry(l2, SCRATCH_SLOT, 0), 0);
	check_eq(mmuext_one(PIN_L1, 0), -EPERM);
	check_eq(mmuext_one(PIN_L2, 0x100), -EPERM);
	check_eq(mmuext_one(PIN_L1, MFN_BEYOND), -EPERM);
	check_eq(mmuext_one(PIN_L2, 0x80000000u), -EPERM);
	check_eq(mmuext_one(PIN_L1, shared_info_mfn()), -EPERM);
	check_eq(mmuext_one(UNPIN, 0x100), -EINVAL);
	check_eq(mmuext_one(UNPIN, MFN_BEYOND), -EINVAL);
	check_eq(mmuext_one(UNPIN, shared_info_mfn()), -EINVAL);
	check_eq(mmuext_one(MMUEXT_PIN_L3_TABLE, ma), -ENOSYS);
	check_eq(mmuext_one(MMUEXT_PIN_L4_TABLE, ma), -ENOSYS);
	check_eq(mmuext_one(12, ma), -ENOSYS);
	check_eq(mmuext_one(0x80000001u, ma), -ENOSYS);
	printf("frames not pinned or not ours, unknown commands: refused\n");

	/* Contents that do not validate: refused, left a page. */
	for (unsigned i = 0; i < 2; i++) {
		check_eq(kmap(a, PTE_RW), 0);
		((uint32_t *)KVA(a))[100] = i ? pte(0x100, PTE_RO) :
						ptep(b, PTE_RW);
		check_eq(kmap(a, PTE_RO), 0);
		check_eq(mmuext_one(PIN_L1, ma), i ? -EPERM : 0);
		check_eq(mmuext_one(UNPIN, ma), i ? -EINVAL : 0);
		check_eq(kmap(a, PTE_RW), 0);
	}
	((uint32_t *)KVA(a))[100] = 0;

	/* A batch: pin a, pin a again (refused), pin b (not done). */
	check_eq(kmap(a, PTE_RO), 0);
	check_eq(kmap(b, PTE_RO), 0);
	ops[0] = (struct mmuext_op){ PIN_L1, { ma }, { 0 } };
	ops[1] = (struct mmuext_op){ PIN_L1, { ma }, { 0 } };
	ops[2] = (struct mmuext_op){ PIN_L2, { mb }, { 0 } };
	check_eq(HYPERVISOR_mmuext_op(ops, 3, &done), -EINVAL);
	check_eq(done, 1);
	check_eq(mmuext_one(UNPIN, mb), -EINVAL);
	ops[0] = (struct mmuext_op){ PIN_L2, { mb }, { 0 } };
	ops[1] = (struct mmuext_op){ UNPIN, { ma }, { 0 } };
	ops[2] = (struct mmuext_op){ UNPIN, { mb }, { 0 } };
	check_eq(HYPERVISOR_mmuext_op(ops, 3, &done), 0);
	check_eq(done, 3);
	check_eq(kmap(a, PTE_RW), 0);
	check_eq(kmap(b, PTE_RW), 0);
	xtf_success("pinned and unpinned as the rules say");
}
