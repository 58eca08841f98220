/*
 * Address spaces (memlayout.h): their page tables, built through the
 * platform's page-table operations, demand-zero pages and copy-on-write.
 *
 * An address space is first built in ordinary pages, written directly
 * (the loader, fork), then pinned by vm_activate: from then on (vm->live)
 * its tables are read-only to the kernel and change only through the
 * platform. Functions that change a live tree call flush() before they
 * return, so no update is left queued behind them.
 *
 * Each present user entry holds a reference on its page (page.c). After
 * a fork, writable pages are shared read-only with PTE_COW: the first
 * write copies the page, or makes it writable if no one else holds it.
 */
#include <lib/string.h>
#include <guest/batch.h>
#include <guest/platform.h>
#include <guest/platform_mm.h>
#include <public/errno.h>
#include <public/xen.h>
#include <kernel.h>

#define USER_SLOTS L2_INDEX(KERNBASE)		   /* 768: the private half */
#define HOLE_SLOT  L2_INDEX(HYPERVISOR_VIRT_START) /* 960: the VMM's */
#define PTE_COW	   0x200 /* a PTE_AVAIL bit: copy on write */
#define PTE_USER   (PTE_P | PTE_U)

/* The builder's L2: the kernel's address space, model of all kernel halves. */
uint32_t *kernel_l2;
/* The L2 the platform was told last (new_baseptr). */
static uint32_t *l2_loaded;

static void flush(void)
{
	int rc = platform_mm->flush_ptes();

	if (rc)
		panic("the platform refused a page-table update (%d)", rc);
}

static void *entry_page(uint32_t e)
{
	return pfn_to_kva(platform_mm->pte_pfn(e));
}

/* The kernel's address space, without the builder's user window: its
 * pages can then become page tables (no writable mapping is left). */
void vm_init(void)
{
	kernel_l2 = l2_loaded = (uint32_t *)start_info->pt_base;
	for (unsigned i = 0; i < USER_SLOTS; i++)
		if (kernel_l2[i] & PTE_P)
			platform_mm->set_pte(&kernel_l2[i], 0);
	flush();
}

static void load_l2(uint32_t *l2)
{
	int rc;

	if (l2 == l2_loaded)
		return;
	rc = platform_mm->new_baseptr(l2);
	if (rc)
		panic("new_baseptr refused an address space (%d)", rc);
	l2_loaded = l2;
}

/* Makes the (activated) address space current. */
void vm_switch(struct vm *vm)
{
	load_l2(vm->l2);
}

/* A new address space being built: empty but for the kernel half. */
int vm_create(struct vm *vm)
{
	memset(vm, 0, sizeof(*vm));
	vm->l2 = page_alloc();
	if (!vm->l2)
		return -ENOMEM;
	memcpy(vm->l2 + USER_SLOTS, kernel_l2 + USER_SLOTS,
	       (HOLE_SLOT - USER_SLOTS) * sizeof(uint32_t));
	return 0;
}

/* Pins the tree built: it becomes usable as an address space. */
void vm_activate(struct vm *vm)
{
	int rc = platform_mm->pin_l2(vm->l2);

	if (rc)
		panic("the platform refused an address space (%d)", rc);
	vm->live = 1;
}

/* The L1 entry for va, or NULL if va has no L1; with `alloc`, a missing
 * L1 is made (NULL only when out of memory). */
static uint32_t *walk(struct vm *vm, uint32_t va, int alloc)
{
	uint32_t *l2e = &vm->l2[L2_INDEX(va)], *l1;

	if (*l2e & PTE_P)
		return (uint32_t *)entry_page(*l2e) + L1_INDEX(va);
	if (!alloc || !(l1 = page_alloc()))
		return NULL;
	if (!vm->live)
		*l2e = platform_mm->make_pte(kva_to_pfn(l1),
					     PTE_P | PTE_W | PTE_U);
	else if (platform_mm->hook_l1(l2e, l1))
		panic("the platform refused a new L1");
	return l1 + L1_INDEX(va);
}

/* Sets an entry: directly while the tree is built, else queued. */
static void set_entry(struct vm *vm, uint32_t *pte, uint32_t val)
{
	if (vm->live)
		platform_mm->set_pte(pte, val);
	else
		*pte = val;
}

/* The page mapped at va in a tree being built, a new zeroed one if none
 * is; writable if asked. NULL when out of memory. */
void *vm_page(struct vm *vm, uint32_t va, int writable)
{
	uint32_t *pte = walk(vm, va, 1);
	void *page;

	if (!pte)
		return NULL;
	if (*pte & PTE_P) {
		*pte |= writable ? PTE_W : 0;
		return entry_page(*pte);
	}
	page = page_alloc();
	if (page)
		*pte = platform_mm->make_pte(kva_to_pfn(page),
					     PTE_USER | (writable ? PTE_W : 0));
	return page;
}

static int demand_zero(const struct vm *vm, uint32_t va)
{
	return (va >= vm->heap_start && va < vm->brk) ||
	       (va >= USER_STACK_TOP - USER_STACK_MAX && va < USER_STACK_TOP);
}

/* A write to the copy-on-write page at *pte. */
static int cow(struct vm *vm, uint32_t *pte)
{
	void *page = entry_page(*pte), *copy = page;

	if (page_refs(page) > 1) {
		copy = page_alloc();
		if (!copy)
			return -ENOMEM;
		memcpy(copy, page, PAGE_SIZE);
		page_put(page);
	}
	set_entry(vm, pte,
		  platform_mm->make_pte(kva_to_pfn(copy), PTE_USER | PTE_W));
	return 0;
}

/*
 * A page fault of the process at user address va (a write if `write`):
 * a demand-zero page or a copy-on-write. 0 when the access can be
 * retried, -EFAULT if it is not allowed, -ENOMEM.
 */
int vm_fault(struct vm *vm, uint32_t va, int write)
{
	uint32_t *pte;
	void *page;
	int rc = -EFAULT;

	if (va >= USER_TOP)
		return -EFAULT;
	pte = walk(vm, va, 0);
	if (pte && (*pte & PTE_P)) {
		if (write && (*pte & PTE_COW))
			rc = cow(vm, pte);
	} else if (demand_zero(vm, va)) {
		page = page_alloc();
		pte = page ? walk(vm, va, 1) : NULL;
		if (!pte) {
			if (page)
				page_put(page);
			return -ENOMEM;
		}
		set_entry(vm, pte,
			  platform_mm->make_pte(kva_to_pfn(page),
						PTE_USER | PTE_W));
		rc = 0;
	}
	flush();
	return rc;
}

/* Whether the process may read [va, va + len): every page mapped for
 * user mode, demand-zero pages faulted in. */
int vm_user_ok(struct vm *vm, uint32_t va, uint32_t len)
{
	if (va >= USER_TOP || len > USER_TOP - va)
		return 0;
	for (uint32_t p = PAGE_DOWN(va); p < va + len; p += PAGE_SIZE) {
		uint32_t *pte = walk(vm, p, 0);

		if (pte && (*pte & PTE_USER) == PTE_USER)
			continue;
		if (vm_fault(vm, p, 0))
			return 0;
	}
	return 1;
}

/* Copies the private half of the L2 entry e of a live parent into the
 * new L1 `to`: every page becomes shared, the writable ones
 * copy-on-write in both (the parent's entries through the platform). */
static void share_l1(uint32_t e, uint32_t *to)
{
	uint32_t *from = entry_page(e);

	for (unsigned i = 0; i < ENTRIES_PER_TABLE; i++) {
		uint32_t pte = from[i];

		if (!(pte & PTE_P))
			continue;
		if (pte & PTE_W) {
			pte = (pte & ~PTE_W) | PTE_COW;
			platform_mm->set_pte(&from[i], pte);
		}
		to[i] = pte;
		page_get(entry_page(pte));
	}
}

/* fork: child becomes an activated copy of the live parent, sharing every
 * page (copy-on-write). 0, or -ENOMEM: then child holds nothing. The
 * parent's new entries, the TLB flush and the child's pin are one batch
 * of hypercalls (guest/batch.h): nothing here depends on a call of the
 * batch having been made (the child's tables are written before the
 * calls that make them read-only are even offered). */
int vm_fork(struct vm *parent, struct vm *child)
{
	int rc;

	batch_begin();
	rc = vm_create(child);

	for (unsigned s = 0; !rc && s < USER_SLOTS; s++) {
		uint32_t *l1;

		if (!(parent->l2[s] & PTE_P))
			continue;
		l1 = page_alloc();
		if (!l1) {
			rc = -ENOMEM;
			break;
		}
		child->l2[s] = platform_mm->make_pte(kva_to_pfn(l1),
						     PTE_P | PTE_W | PTE_U);
		share_l1(parent->l2[s], l1);
	}
	flush();
	if (rc) {
		if (child->l2)
			vm_free(child);
	} else {
		child->heap_start = parent->heap_start;
		child->brk = parent->brk;
		vm_activate(child);
	}
	batch_end();
	return rc;
}

/* Unmaps the user pages of [lo, hi), page aligned. */
static void unmap(struct vm *vm, uint32_t lo, uint32_t hi)
{
	for (uint32_t va = lo; va < hi; va += PAGE_SIZE) {
		uint32_t *pte = walk(vm, va, 0);

		if (!pte || !(*pte & PTE_P))
			continue;
		page_put(entry_page(*pte)); /* reused only after the flush */
		set_entry(vm, pte, 0);
	}
	flush();
}

/* sbrk(n): moves the end of the heap by n bytes; the pages above a
 * shrunk heap are released. The old end, or -ENOMEM. */
long vm_sbrk(struct vm *vm, int32_t n)
{
	uint32_t old = vm->brk;

	if (n < 0 ? 0u - (uint32_t)n > old - vm->heap_start :
		    (uint32_t)n > USER_HEAP_MAX - old)
		return -ENOMEM;
	vm->brk = old + (uint32_t)n;
	if (n < 0)
		unmap(vm, PAGE_UP(vm->brk), PAGE_UP(old));
	return (long)old;
}

/* Releases an address space: unpinned (current no more: the kernel's
 * becomes current instead), its pages and tables go back to the
 * allocator. The switch and the unpin are one batch of hypercalls
 * (guest/batch.h), sent before the tables are written as free pages;
 * inside an outer batch (fork's, when it fails) the tree was never live,
 * and its tables are ordinary pages already. */
void vm_free(struct vm *vm)
{
	int rc;

	batch_begin();
	if (vm->l2 == l2_loaded)
		load_l2(kernel_l2);
	rc = vm->live ? platform_mm->unpin_l2(vm->l2) : 0;
	if (rc)
		panic("the platform refused to unpin an address space (%d)",
		      rc);
	batch_end();
	for (unsigned s = 0; s < USER_SLOTS; s++) {
		uint32_t *l1;

		if (!(vm->l2[s] & PTE_P))
			continue;
		l1 = entry_page(vm->l2[s]);
		for (unsigned i = 0; i < ENTRIES_PER_TABLE; i++)
			if (l1[i] & PTE_P)
				page_put(entry_page(l1[i]));
		page_put(l1);
	}
	page_put(vm->l2);
	memset(vm, 0, sizeof(*vm));
}
