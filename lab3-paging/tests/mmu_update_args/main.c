/*
 * mmu_update_args (hostile): the arguments of mmu_update and mmuext_op,
 * each wrong in one way; the VMM must refuse with the documented error
 * and do exactly what it says it did.
 *  - ptr outside any page table of ours (a page of ours, the next
 *    domain's frame, frame 0, beyond memory, our shared-info page):
 *    -EINVAL;
 *  - an undefined command in ptr's low bits (2, 3): -ENOSYS, the entry
 *    unchanged; ptr or val with high bits (not below 4 GiB): -EINVAL;
 *  - count over 1024 (1025, 0xFFFFFFFF): -EINVAL, nothing done (until
 *    lab 4, which lifts the limit: public/batch_limit.h); 1024
 *    requests: done;
 *  - foreigndom another domain or the VMM: -EINVAL;
 *  - reqs in the hole: -EFAULT, *pdone 0; reqs that run into an unmapped
 *    page part way (and a request that straddles it): -EFAULT, *pdone the
 *    number done, those done and no other;
 *  - pdone in the hole, or in our (read-only) L2: -EFAULT once the
 *    requests are done (they are), the L2 unchanged;
 *  - a batch with one refused entry in the middle: that entry's error,
 *    *pdone its index, the entries after it not done;
 *  - MMU_MACHPHYS_UPDATE of our frame: done (the M2P shows it); of a
 *    frame not ours: -EPERM, the M2P unchanged;
 *  - mmuext_op: count over 1024 -EINVAL, an unknown command -ENOSYS, ops
 *    in the hole -EFAULT, pdone in the hole -EFAULT.
 * A vulnerable VMM loops on a huge count, dereferences the pointers
 * itself, or writes where the guest cannot: this guest reports FAILURE,
 * or the VMM faults; a fixed one refuses, and the victim booted next
 * runs.
 */
#include <guest/hole.h>
#include <public/batch_limit.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "mmu_update and mmuext_op arguments";

static struct mmu_update reqs[1024];

static long mmu_dom(const struct mmu_update *r, unsigned n, unsigned *pdone,
		    unsigned dom)
{
	return _hypercall4(__HYPERVISOR_mmu_update, (unsigned long)r, n,
			   (unsigned long)pdone, dom);
}

void test_main(void)
{
	uint32_t l2 = l2_pfn(), l1 = l1_make(1), x = page_get();
	uint32_t victim = foreign_mfn(), vm2p = machine_to_phys[victim], next;
	struct mmu_update *edge;
	struct mmuext_op op = { MMUEXT_TLB_FLUSH_LOCAL, { 0 }, { 0 } };
	unsigned done;
	struct fault f;

	probe_read(0xC0000000, &f); /* installs the test's trap table */
	check_eq(mmu_set(pfn_to_mfn(x) << 12, 0), -EINVAL);
	check_eq(mmu_set(victim << 12, 0), -EINVAL);
	check_eq(mmu_set(0, 0), -EINVAL);
	check_eq(mmu_set(0x8000u << 12, 0), -EINVAL);
	check_eq(mmu_set(0xFFFFF000u, 0), -EINVAL);
	check_eq(mmu_set(shared_info_mfn() << 12, 0), -EINVAL);

	check_eq(mmu_set(entry_ma(l1, 5) | 2, ptep(x, PTE_RW)), -ENOSYS);
	check_eq(mmu_set(entry_ma(l1, 5) | 3, ptep(x, PTE_RW)), -ENOSYS);
	check_eq(mmu_set64(entry_ma(l1, 5) | (1ull << 32), ptep(x, PTE_RW)),
		 -EINVAL);
	check_eq(mmu_set64(entry_ma(l1, 5), ptep(x, PTE_RW) | (1ull << 40)),
		 -EINVAL);
	check_eq(entry(l1, 5), 0);
	printf("not a table, undefined commands, high bits: refused\n");

	for (unsigned i = 0; i < 1024; i++)
		reqs[i] =
			(struct mmu_update){ entry_ma(l1, i), ptep(x, PTE_RO) };
	done = 77;
#if KIT_BATCH_MAX /* lab 4 lifts the limit (public/batch_limit.h) */
	check_eq(HYPERVISOR_mmu_update(reqs, 1025, &done), -EINVAL);
	check_eq(HYPERVISOR_mmu_update(reqs, 0xFFFFFFFFu, &done), -EINVAL);
	check_eq(done, 77);
	check_eq(entry(l1, 0), 0);
#endif
	check_eq(mmu_dom(reqs, 1, &done, 1), -EINVAL);
	check_eq(mmu_dom(reqs, 1, &done, DOMID_XEN), -EINVAL);
	check_eq(entry(l1, 0), 0);
	check_eq(HYPERVISOR_mmu_update(reqs, 1024, &done), 0);
	check_eq(done, 1024);
	check_eq(entry(l1, 1023), ptep(x, PTE_RO));
	for (unsigned i = 0; i < 1024; i++)
		reqs[i].val = 0;
	check_eq(mmu_dom(reqs, 1024, 0, DOMID_SELF), 0);
	check_eq(entry(l1, 1023), 0);
	printf("counts: %s1024 done\n",
	       KIT_BATCH_MAX ? "over 1024 refused, " : "");

	done = 77;
	check_eq(HYPERVISOR_mmu_update((void *)0xF8000000u, 1, &done), -EFAULT);
	check_eq(done, 0);
	/* Requests at the end of page, then an unmapped page. */
	page_get(); /* the page the requests end in */
	next = page_get();
	check_eq(kmap(next, 0), 0);
	edge = (struct mmu_update *)(KVA(next) - 3 * sizeof(*edge));
	for (int i = 0; i < 3; i++)
		edge[i] = (struct mmu_update){ entry_ma(l1, 10 + i),
					       ptep(x, PTE_RO) };
	check_eq(HYPERVISOR_mmu_update(edge, 5, &done), -EFAULT);
	check_eq(done, 3);
	check_eq(entry(l1, 12), ptep(x, PTE_RO));
	edge = (struct mmu_update *)(KVA(next) - sizeof(*edge) - 8);
	edge[0] = (struct mmu_update){ entry_ma(l1, 20), ptep(x, PTE_RO) };
	check_eq(HYPERVISOR_mmu_update(edge, 2, &done), -EFAULT);
	check_eq(done, 1);
	check_eq(entry(l1, 20), ptep(x, PTE_RO));
	check_eq(entry(l1, 21), 0);
	check_eq(kmap(next, PTE_RW), 0);
	printf("requests that run into unmapped memory: -EFAULT, pdone\n");

	reqs[0] = (struct mmu_update){ entry_ma(l1, 30), ptep(x, PTE_RO) };
	check_eq(HYPERVISOR_mmu_update(reqs, 1, (unsigned *)0xF8000000u),
		 -EFAULT);
	check_eq(entry(l1, 30), ptep(x, PTE_RO));
	reqs[0].val = 0;
	check_eq(HYPERVISOR_mmu_update(reqs, 1,
				       (unsigned *)start_info->pt_base),
		 -EFAULT);
	check_eq(entry(l1, 30), 0);
	check_eq(entry(l2, 0), 0);
	printf("pdone where we may not write: -EFAULT\n");

	for (int i = 0; i < 5; i++)
		reqs[i] = (struct mmu_update){ entry_ma(l1, 40 + i),
					       ptep(x, PTE_RO) };
	reqs[2].val = pte(0x100, PTE_RO);
	check_eq(HYPERVISOR_mmu_update(reqs, 5, &done), -EPERM);
	check_eq(done, 2);
	check_eq(entry(l1, 41), ptep(x, PTE_RO));
	check_eq(entry(l1, 42), 0);
	check_eq(entry(l1, 43), 0);
	reqs[2].val = ptep(l1, PTE_RW);
	check_eq(HYPERVISOR_mmu_update(reqs + 2, 3, &done), -EBUSY);
	check_eq(done, 0);
	check_eq(entry(l1, 43), 0);
	printf("a batch stops at the refused entry\n");

	reqs[0] = (struct mmu_update){
		(pfn_to_mfn(x) << 12) | 4 | MMU_MACHPHYS_UPDATE, 0x777
	};
	check_eq(HYPERVISOR_mmu_update(reqs, 1, 0), 0);
	check_eq(machine_to_phys[pfn_to_mfn(x)], 0x777);
	reqs[0].val = x;
	check_eq(HYPERVISOR_mmu_update(reqs, 1, 0), 0);
	check_eq(machine_to_phys[pfn_to_mfn(x)], x);
	reqs[0].ptr = (victim << 12) | MMU_MACHPHYS_UPDATE;
	check_eq(HYPERVISOR_mmu_update(reqs, 1, 0), -EPERM);
	check_eq(machine_to_phys[victim], vm2p);
	reqs[0].ptr = (0x100 << 12) | MMU_MACHPHYS_UPDATE;
	check_eq(HYPERVISOR_mmu_update(reqs, 1, 0), -EPERM);
	reqs[0].ptr = (0x8000u << 12) | MMU_MACHPHYS_UPDATE;
	check_eq(HYPERVISOR_mmu_update(reqs, 1, 0), -EPERM);
	reqs[0].ptr = (shared_info_mfn() << 12) | MMU_MACHPHYS_UPDATE;
	check_eq(HYPERVISOR_mmu_update(reqs, 1, 0), -EPERM);
	printf("M2P updates: ours done, others refused\n");

	done = 77;
#if KIT_BATCH_MAX
	check_eq(HYPERVISOR_mmuext_op(&op, 1025, &done), -EINVAL);
	check_eq(done, 77);
#endif
	check_eq(HYPERVISOR_mmuext_op((void *)0xF8000000u, 1, &done), -EFAULT);
	check_eq(done, 0);
	check_eq(HYPERVISOR_mmuext_op(&op, 1, (unsigned *)0xF8000000u),
		 -EFAULT);
	check_eq(_hypercall4(__HYPERVISOR_mmuext_op, (unsigned long)&op, 1, 0,
			     1),
		 -EINVAL);
	op.cmd = 99;
	check_eq(HYPERVISOR_mmuext_op(&op, 1, &done), -ENOSYS);
	check_eq(done, 0);
	printf("mmuext_op: the same checks\n");
	xtf_success("every bad argument refused as documented");
}
