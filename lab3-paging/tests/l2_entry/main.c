/*
 * l2_entry (exercise 4, get_page_from_l2e): the rules for an L2 entry,
 * through mmu_update into our L2 in use, slot 256 (0x40000000).
 *  - not present: accepted whatever its other bits;
 *  - a page of ours, read-only at its kernel address, becomes an L1: its
 *    contents are validated there and then, after which it is a table
 *    (no writable mapping) and maps what its entries say;
 *  - the L1 may be hooked read-only (the whole 4 MiB read-only);
 *  - PSE (a 4 MiB page) and global: -EINVAL;
 *  - a frame not ours (frame 0, the VMM's, beyond memory, our shared-info
 *    page): -EPERM;
 *  - a page still mapped writable: -EBUSY; an L2 (ours in use, itself,
 *    another pinned one): -EBUSY;
 *  - an L1 whose contents do not validate: that entry's error (-EINVAL,
 *    -EPERM, -EBUSY), and the page is left an ordinary one.
 * Every refused entry leaves the slot as it was.
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "L2 entries: only validated L1 tables";

/* Hooks fresh page p, with entry 9 = e, into slot `slot`: the result. */
static long hook_with(uint32_t slot, uint32_t p, uint32_t e)
{
	long rc;

	check_eq(kmap(p, PTE_RW), 0);
	((uint32_t *)KVA(p))[9] = e;
	check_eq(kmap(p, PTE_RO), 0);
	rc = set_entry(l2_pfn(), slot, ptep(p, PTE_RW));
	if (rc == 0)
		check_eq(set_entry(l2_pfn(), slot, 0), 0);
	check_eq(kmap(p, PTE_RW), 0); /* an ordinary page again */
	return rc;
}

void test_main(void)
{
	uint32_t l2 = l2_pfn(), s = SCRATCH_SLOT;
	uint32_t a = page_get(), x = page_get(), y = page_get();
	uint32_t other = l2_make(1);
	volatile uint32_t *v = (uint32_t *)SCRATCH_VA;
	struct fault f;

	check_eq(set_entry(l2, s, 0xFFFFF0FE), 0); /* not present */
	check(probe_read(SCRATCH_VA, &f) && f.cr2 == SCRATCH_VA);
	check_eq(set_entry(l2, s, 0), 0);

	((uint32_t *)KVA(a))[1] = ptep(x, PTE_RW);
	((volatile uint32_t *)KVA(x))[5] = 0xfeedf00d;
	check_eq(set_entry(l2, s, ptep(a, PTE_RW)), -EBUSY); /* writable */
	check_eq(kmap(a, PTE_RO), 0);
	check_eq(set_entry(l2, s, ptep(a, PTE_RW | PTE_U | PTE_A)), 0);
	check_eq(v[1024 + 5], 0xfeedf00d);
	v[1024 + 6] = 1;
	check_eq(kmap(a, PTE_RW), -EBUSY);
	check_eq(set_entry(l2, s, ptep(a, PTE_RO)), 0);
	check_eq(v[1024 + 6], 1);
	check(probe_write(SCRATCH_VA + 4096, &f) && f.error == 3);
	printf("a read-only page became an L1, validated and usable\n");

	check_eq(set_entry(l2, s + 1, ptep(a, PTE_RW | PTE_PS)), -EINVAL);
	check_eq(set_entry(l2, s + 1, ptep(a, PTE_RW | PTE_G)), -EINVAL);
	check_eq(set_entry(l2, s + 1, pte(0, PTE_RW)), -EPERM);
	check_eq(set_entry(l2, s + 1, pte(0x100, PTE_RW)), -EPERM);
	check_eq(set_entry(l2, s + 1, pte(MFN_BEYOND, PTE_RW)), -EPERM);
	check_eq(set_entry(l2, s + 1, pte(shared_info_mfn(), PTE_RO)), -EPERM);
	check_eq(set_entry(l2, s + 1, ptep(x, PTE_RW)), -EBUSY);
	check_eq(set_entry(l2, s + 1, ptep(l2, PTE_RO)), -EBUSY);
	check_eq(set_entry(l2, s + 1, ptep(other, PTE_RO)), -EBUSY);
	check_eq(entry(l2, s + 1), 0);
	check_eq(entry(l2, s) & ~PTE_A, ptep(a, PTE_RO));
	printf("PSE, global, frames not ours, writable pages and L2s: "
	       "refused\n");

	check_eq(hook_with(s + 1, y, 0), 0);
	check_eq(hook_with(s + 1, y, ptep(a, PTE_RO)), 0);
	check_eq(hook_with(s + 1, y, ptep(a, PTE_RW)), -EBUSY);
	check_eq(hook_with(s + 1, y, ptep(l2, PTE_RW)), -EBUSY);
	check_eq(hook_with(s + 1, y, ptep(y, PTE_RW)), -EBUSY);
	check_eq(hook_with(s + 1, y, ptep(a, PTE_RO | PTE_PAT)), -EINVAL);
	check_eq(hook_with(s + 1, y, pte(0x100, PTE_RO)), -EPERM);
	check_eq(entry(l2, s + 1), 0);
	printf("L1s are validated when hooked; refused ones stay pages\n");

	check_eq(set_entry(l2, s, 0), 0);
	check_eq(kmap(a, PTE_RW), 0);
	check(probe_read(SCRATCH_VA + 4096, &f));
	xtf_success("L2 entries follow the rules");
}
