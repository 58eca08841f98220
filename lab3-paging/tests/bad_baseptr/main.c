/*
 * bad_baseptr (hostile): MMUEXT_NEW_BASEPTR with frames that must not
 * become our address space. A VMM that loaded %cr3 with an unvalidated
 * frame would let the guest run on tables it wrote itself.
 *  - a fresh page never validated, with the kernel's entries and one bad
 *    one at 0x40000000: a frame not ours (-EPERM), a PSE entry
 *    (-EINVAL), an L1 still mapped writable (-EBUSY), an L1 mapping our
 *    L2 in use writable (-EBUSY): refused, and the page and that L1 left
 *    ordinary pages;
 *  - the same page with good contents but mapped writable: -EBUSY;
 *  - frames not ours: the next domain's (its L2 among them), the VMM's
 *    image, frame 0, beyond memory, our shared-info page: -EPERM;
 *  - a batch [bad base, good op]: *pdone 0, the good op not done;
 * and after each we still run on the L2 we had (a page mapped only there
 * is still there).
 * A vulnerable VMM switches: this guest then runs on tables it wrote (or
 * crashes), and reports FAILURE if it can tell; a fixed one refuses all,
 * and the victim booted next runs.
 */
#include <lib/string.h>
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "new base pointer: only validated L2s of ours";

static uint32_t fresh, l1, home;

static void still_here(void)
{
	if (*(volatile uint32_t *)SCRATCH_VA != 0xba5eba5e)
		xtf_failure("not on our L2 any more");
}

/* fresh: the kernel's entries, slot SCRATCH_SLOT + 1 = e. */
static long base_with(uint32_t e)
{
	long rc;

	check_eq(kmap(fresh, PTE_RW), 0);
	for (unsigned i = 0; i < HOLE_SLOT; i++)
		((uint32_t *)KVA(fresh))[i] = entry(l2_pfn(), i);
	((uint32_t *)KVA(fresh))[SCRATCH_SLOT + 1] = e;
	check_eq(kmap(fresh, PTE_RO), 0);
	rc = base_switch(fresh);
	still_here();
	if (rc == 0)
		check_eq(base_switch(home), 0);
	check_eq(kmap(fresh, PTE_RW), 0);
	return rc;
}

void test_main(void)
{
	uint32_t l2 = l2_pfn(), x = page_get(), w = page_get();
	uint32_t victim = foreign_mfn();
	struct mmuext_op ops[2];
	unsigned done = 5;

	home = l2;
	l1 = l1_make(1);
	fresh = page_get();
	check_eq(set_entry(l1, 0, ptep(x, PTE_RW)), 0);
	*(volatile uint32_t *)KVA(x) = 0xba5eba5e;
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(l1, PTE_RW)), 0);
	still_here();

	check_eq(base_with(pte(0x100, PTE_RW)), -EPERM);
	check_eq(base_with(ptep(x, PTE_RW | PTE_PS)), -EINVAL);
	check_eq(base_with(ptep(w, PTE_RW)), -EBUSY);
	((uint32_t *)KVA(w))[0] = ptep(l2, PTE_RW);
	check_eq(kmap(w, PTE_RO), 0);
	check_eq(base_with(ptep(w, PTE_RW)), -EBUSY);
	check_eq(kmap(w, PTE_RW), 0);
	printf("fresh L2s with bad contents: refused\n");

	check_eq(base_with(0), 0); /* good contents: it works */
	for (unsigned i = 0; i < HOLE_SLOT; i++)
		((uint32_t *)KVA(fresh))[i] = entry(l2, i);
	check_eq(base_switch(fresh), -EBUSY);
	still_here();
	printf("a good L2 still mapped writable: refused\n");

	if (!victim) {
		xtf_error("no other domain: boot a victim after this test");
	} else {
		for (uint32_t m = victim; m + 0x400 > victim; m--)
			if (!own_mfn(m) &&
			    mmuext_one(MMUEXT_NEW_BASEPTR, m) != -EPERM) {
				xtf_failure("base on frame %x of another "
					    "domain not refused",
					    m);
				break;
			}
	}
	check_eq(mmuext_one(MMUEXT_NEW_BASEPTR, 0x100), -EPERM);
	check_eq(mmuext_one(MMUEXT_NEW_BASEPTR, 0), -EPERM);
	check_eq(mmuext_one(MMUEXT_NEW_BASEPTR, MFN_BEYOND), -EPERM);
	check_eq(mmuext_one(MMUEXT_NEW_BASEPTR, 0x8000), -EPERM);
	check_eq(mmuext_one(MMUEXT_NEW_BASEPTR, shared_info_mfn()), -EPERM);
	still_here();
	printf("frames not ours: refused\n");

	ops[0] = (struct mmuext_op){ MMUEXT_NEW_BASEPTR, { 0x100 }, { 0 } };
	ops[1] = (struct mmuext_op){ MMUEXT_UNPIN_TABLE,
				     { pfn_to_mfn(l1) },
				     { 0 } };
	check_eq(HYPERVISOR_mmuext_op(ops, 2, &done), -EPERM);
	check_eq(done, 0);
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(l1)), 0);
	still_here();
	check_eq(set_entry(l2, SCRATCH_SLOT, 0), 0);
	xtf_success("we stayed on our own validated L2");
}
