/*
 * The mmu_update hypercall (its handler is static: found through the
 * hypercall registry, unit_hypercall), which applies mod_entry (exercise
 * 5) request by request. The requests are read from the guest at UNIT_VA
 * (frame UNIT_DATA), pdone written at UNIT_VA + 0xF00; the current
 * vCPU's base is L2 UNIT_L2, whose slot 1 is the empty L1 G. Checked:
 *  - the registry holds the three handlers of lab 3 (update_va_mapping's
 *    is do_update_va_mapping);
 *  - MMU_NORMAL_PT_UPDATE on an L1 and on an L2 entry, by machine
 *    address, with the counts of mod_entry; the requests run in order and
 *    stop at the first refused one, whose error is returned, with *pdone
 *    the number done and the later entries untouched;
 *  - a ptr outside any validated table of the domain (a data frame,
 *    another domain's L1, past the table), bits above 4 GiB, an unknown
 *    command: refused, with nothing changed; an L2 slot in the hole:
 *    -EPERM;
 *  - MMU_MACHPHYS_UPDATE sets the M2P entry of one of the domain's frames
 *    only;
 *  - more than 1024 requests or another domain: -EINVAL; requests that
 *    cannot be read: -EFAULT.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/mmu.h>
#include <public/xen.h>
#include <vmm/batch.h>
#include "unit_lab3.h"

#define G     (UNIT_FIRST + 50) /* L1 of slot 1 */
#define E     (UNIT_FIRST + 51) /* an L1 mapping X writable */
#define X     (UNIT_FIRST + 52)
#define Y     (UNIT_FIRST + 53)
#define PDONE (UNIT_VA + 0xF00)

long do_update_va_mapping(unsigned long va, unsigned long val_lo,
			  unsigned long val_hi, unsigned long flags);

static hypercall_fn mmu_update;
static struct mmu_update *reqs; /* at UNIT_VA */
static uint32_t *pdone;

static void setup(void)
{
	unit_lab3_init();
	unit_space();
	unit_table(UNIT_L2)[1] = PTE(G, RWU);
	unit_table(E)[0] = PTE(X, RW);
	cr_assert_eq(get_page_and_type(UNIT_L2, FT_L2, &unit_d), 0);
	mmu_update = unit_hypercall(__HYPERVISOR_mmu_update);
	cr_assert_not_null(mmu_update, "no mmu_update in the registry");
	reqs = (struct mmu_update *)UNIT_PAGE(UNIT_DATA);
	pdone = (uint32_t *)(UNIT_PAGE(UNIT_DATA) + 0xF00);
	*pdone = 0xDEAD;
}

TestSuite(mmu_update, .init = setup);

/* A request for entry i of table mfn. */
static struct mmu_update req(mfn_t mfn, unsigned i, uint32_t val)
{
	return (struct mmu_update){ ((uint64_t)mfn << PAGE_SHIFT) + 4 * i +
					    MMU_NORMAL_PT_UPDATE,
				    val };
}

static long call(unsigned n, unsigned long foreigndom)
{
	return mmu_update(UNIT_VA, n, PDONE, foreigndom, 0);
}

Test(mmu_update, registry)
{
	cr_assert_not_null(unit_hypercall(__HYPERVISOR_mmuext_op));
	cr_assert_eq(unit_hypercall(__HYPERVISOR_update_va_mapping),
		     (hypercall_fn)(void (*)(void))do_update_va_mapping);
	cr_assert_eq(call(0, DOMID_SELF), 0);
	cr_assert_eq(*pdone, 0);
}

Test(mmu_update, in_order_until_refused)
{
	reqs[0] = req(G, 4, PTE(X, RW));
	reqs[1] = req(UNIT_L2, 2, PTE(E, RWU));
	reqs[2] = req(G, 5, PTE(UNIT_OTHER, PTE_P));
	reqs[3] = req(G, 6, PTE(Y, PTE_P));
	cr_assert_eq(call(4, DOMID_SELF), -EPERM);
	cr_assert_eq(*pdone, 2);
	cr_assert_eq(unit_table(G)[4], PTE(X, RW));
	cr_assert_eq(unit_table(UNIT_L2)[2], PTE(E, RWU));
	cr_assert_eq(unit_table(G)[5], 0);
	cr_assert_eq(unit_table(G)[6], 0);
	assert_frame(X, 3, FT_WRITABLE, 2);
	assert_frame(E, 2, FT_L1, 1);
	assert_frame(Y, 1, FT_NONE, 0);
	/* Again, now all allowed; the own domain id is DOMID_SELF too. */
	reqs[0] = req(G, 4, PTE(Y, PTE_P));
	reqs[2] = req(G, 5, 0);
	cr_assert_eq(call(4, UNIT_DOMID), 0);
	cr_assert_eq(*pdone, 4);
	assert_frame(X, 2, FT_WRITABLE, 1);
	assert_frame(Y, 3, FT_NONE, 0);
	assert_frame(E, 2, FT_L1, 1);
}

/* One request refused with rc: nothing changes, *pdone is 0. */
static void refused(struct mmu_update r, int rc)
{
	static uint32_t g[ENTRIES_PER_TABLE], l2[ENTRIES_PER_TABLE];

	reqs[0] = r;
	memcpy(g, unit_table(G), PAGE_SIZE);
	memcpy(l2, unit_table(UNIT_L2), PAGE_SIZE);
	unit_frames_save();
	cr_assert_eq(call(1, DOMID_SELF), rc, "ptr %#llx val %#llx",
		     (unsigned long long)r.ptr, (unsigned long long)r.val);
	cr_assert_eq(*pdone, 0);
	cr_assert_arr_eq(unit_table(G), g, PAGE_SIZE, "G changed");
	cr_assert_arr_eq(unit_table(UNIT_L2), l2, PAGE_SIZE, "L2 changed");
	assert_frames_unchanged("a refused request");
}

Test(mmu_update, refused_requests)
{
	struct mmu_update r = req(G, 1, PTE(X, PTE_P));

	cr_assert_eq(mmu_update(UNIT_VA, 0, PDONE, DOMID_SELF, 0), 0);
	refused(req(G, 1, PTE(X, RW | PTE_PS)), -EINVAL);
	refused(req(G, 1, PTE(UNIT_L1, RW)), -EBUSY);
	refused(req(UNIT_L2, 3, PTE(G, RW | PTE_PS)), -EINVAL);
	refused(req(UNIT_L2, HOLE_FIRST_SLOT + 1, PTE(E, RW)), -EPERM);
	refused(req(X, 1, PTE(Y, PTE_P)), -EINVAL);	   /* not a table */
	refused(req(UNIT_BAD, 1, PTE(Y, PTE_P)), -EINVAL); /* no frame */
	r.ptr |= 1ull << 32;
	refused(r, -EINVAL);
	r = req(G, 1, PTE(X, PTE_P));
	r.val |= 1ull << 40;
	refused(r, -EINVAL);
	r = req(G, 1, PTE(X, PTE_P));
	r.ptr |= 2;
	refused(r, -ENOSYS);
	/* The right one goes through. */
	reqs[0] = req(G, 1, PTE(X, PTE_P));
	cr_assert_eq(call(1, DOMID_SELF), 0);
	assert_frame(X, 2, FT_NONE, 0);
}

/* Another domain's L1, validated for it: not a table of unit_d. */
Test(mmu_update, other_domains_table)
{
	static struct domain two;

	two.id = UNIT_DOMID + 1;
	cr_assert_eq(get_page_type(UNIT_OTHER + 1, FT_L1, &two), 0);
	refused(req(UNIT_OTHER + 1, 0, 0), -EINVAL);
	refused(req(UNIT_OTHER + 1, 3, PTE(X, PTE_P)), -EINVAL);
}

Test(mmu_update, machphys)
{
	reqs[0] = (struct mmu_update){
		((uint64_t)X << PAGE_SHIFT) + 0x10 + MMU_MACHPHYS_UPDATE, 77
	};
	reqs[1] = req(G, 0, PTE(X, PTE_P));
	reqs[2] = (struct mmu_update){
		((uint64_t)UNIT_OTHER << PAGE_SHIFT) + MMU_MACHPHYS_UPDATE, 78
	};
	cr_assert_eq(call(3, DOMID_SELF), -EPERM);
	cr_assert_eq(*pdone, 2);
	cr_assert_eq(m2p_get(X), 77);
	cr_assert_eq(m2p_get(UNIT_OTHER), INVALID_M2P_ENTRY);
	assert_frame(X, 2, FT_NONE, 0);
}

Test(mmu_update, batch_limits)
{
	reqs[0] = req(G, 0, PTE(X, PTE_P));
	unit_frames_save();
	if (BATCH_MAX) /* lab 4 lifts the limit */
		cr_assert_eq(call(1025, DOMID_SELF), -EINVAL);
	cr_assert_eq(call(1, UNIT_DOMID + 1), -EINVAL);
	cr_assert_eq(mmu_update(0x80000000, 1, PDONE, DOMID_SELF, 0), -EFAULT);
	cr_assert_eq(*pdone, 0);
	assert_frames_unchanged("refused batches");
	cr_assert_eq(unit_table(G)[0], 0);
	cr_assert_eq(mmu_update(UNIT_VA, 1, 0, DOMID_SELF, 0),
		     0); /* no pdone */
	assert_frame(X, 2, FT_NONE, 0);
}
