/*
 * type_confusion (hostile): one frame used as an L1 and an L2 at once.
 * An L2 read as an L1 maps the L1 tables it points to, writable if its
 * entries are; an L1 read as an L2 makes the pages it maps into "L1s"
 * nobody validated. Types are exclusive:
 *  - an L1 in use (hooked, not pinned) pinned as an L2, or made our base:
 *    -EBUSY; a pinned L1 pinned again as an L2: -EINVAL (pinned);
 *  - our L2 in use, unpinned (the base still holds it), pinned as an L1:
 *    -EBUSY; hooked into an L2 as an L1: -EBUSY;
 *  - a pinned L2 hooked into our L2: -EBUSY;
 *  - a fresh page holding L1 contents (our pages mapped writable) pinned
 *    as an L2: -EBUSY (those pages cannot become L1s);
 *  - a fresh page holding L2 contents (our L1s, writable entries) pinned
 *    as an L1: -EBUSY (it would map the L1s writable);
 *  - the same L2 contents with read-only entries pinned as an L1: fine,
 *    it maps our L1s read-only, and it cannot then be an L2 as well
 *    (base: -EBUSY).
 * A vulnerable VMM lets one frame take both types: this guest then finds
 * a page table writable or a page it did not validate used as one, and
 * reports FAILURE; a fixed one refuses, and the victim booted next runs.
 */
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "an L1 is never an L2, and the reverse";

#define PIN_L1 MMUEXT_PIN_L1_TABLE
#define PIN_L2 MMUEXT_PIN_L2_TABLE

void test_main(void)
{
	uint32_t l2 = l2_pfn(), a = l1_make(0), p = l1_make(1);
	uint32_t b = l2_make(1), c = page_get(), d = page_get();
	uint32_t data[4];
	struct fault f;

	probe_read(0xC0000000, &f); /* installs the test's trap table */
	check_eq(set_entry(l2, SCRATCH_SLOT, ptep(a, PTE_RW)), 0);
	check_eq(mmuext_one(PIN_L2, pfn_to_mfn(a)), -EBUSY);
	check_eq(base_switch(a), -EBUSY);
	check_eq(mmuext_one(PIN_L2, pfn_to_mfn(p)), -EINVAL);
	check_eq(base_switch(p), -EBUSY);
	printf("L1s as L2s: refused\n");

	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(l2)), 0);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(l2)), -EBUSY);
	check_eq(set_entry(l2, SCRATCH_SLOT + 1, ptep(l2, PTE_RO)), -EBUSY);
	check_eq(set_entry(b, SCRATCH_SLOT + 1, ptep(l2, PTE_RO)), -EBUSY);
	check_eq(mmuext_one(PIN_L2, pfn_to_mfn(l2)), 0);
	check_eq(set_entry(l2, SCRATCH_SLOT + 1, ptep(b, PTE_RW)), -EBUSY);
	check_eq(entry(l2, SCRATCH_SLOT + 1), 0);
	printf("L2s as L1s: refused\n");

	for (int i = 0; i < 4; i++) {
		data[i] = page_get();
		((uint32_t *)KVA(c))[i] = ptep(data[i], PTE_RW);
	}
	check_eq(kmap(c, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L2, pfn_to_mfn(c)), -EBUSY);
	check_eq(base_switch(c), -EBUSY);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(c)), 0); /* what it is */
	check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(c)), 0);
	check_eq(kmap(data[0], PTE_RW), 0);

	for (unsigned i = 0; i < HOLE_SLOT; i++)
		((uint32_t *)KVA(d))[i] = entry(l2, i);
	check_eq(kmap(d, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(d)), -EBUSY);
	check_eq(kmap(d, PTE_RW), 0);
	for (unsigned i = 0; i < HOLE_SLOT; i++)
		((uint32_t *)KVA(d))[i] = entry(l2, i) & ~PTE_W;
	check_eq(kmap(d, PTE_RO), 0);
	check_eq(mmuext_one(PIN_L1, pfn_to_mfn(d)), 0);
	check_eq(base_switch(d), -EBUSY);
	check_eq(mmuext_one(PIN_L2, pfn_to_mfn(d)), -EINVAL);
	check_eq(set_entry(l2, SCRATCH_SLOT + 2, ptep(d, PTE_RW)), 0);
	if (!probe_write(SCRATCH_VA + 0x800000 + 768 * 4096, &f) ||
	    f.error != 3)
		xtf_failure("the kernel's L1 is writable through d");
	check_eq(set_entry(l2, SCRATCH_SLOT + 2, 0), 0);
	printf("L1 contents as an L2 and L2 contents as an L1: refused, or "
	       "harmless\n");
	xtf_success("no frame was an L1 and an L2 at once");
}
