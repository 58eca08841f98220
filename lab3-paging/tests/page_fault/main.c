/*
 * page_fault: page faults on the guest's own mappings go to the guest's
 * handler, with the faulting address (vcpu_info[0].arch.cr2, as the
 * CPU's %cr2), the error code and the instruction, so the guest can
 * handle them (here: map the page back and go on).
 *  - ring 1: a page of ours unmapped by update_va_mapping, then read
 *    (error 0) and written (error 2) at an offset; made read-only and
 *    written (error 3); an address with no L1 at all (error 0);
 *  - ring 3: a page of the user window unmapped, read (error 4); made
 *    read-only, written (error 7); a kernel page read (error 5);
 *  - 100 rounds of unmap, fault, map back: each fault reported once,
 *    with its address; the page's data intact at the end.
 * A VMM that does not bounce the fault (or bounces it without cr2) ends
 * the domain, or this guest reports FAILURE; the victim booted next runs.
 */
#include <guest/handlers.h>
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>
#include <public/layout.h>

const char test_title[] = "page faults bounced to the guest with cr2";

static int pf(const struct fault *f, uint32_t va, uint32_t error, int ring)
{
	return f->vector == 14 && f->cr2 == va && f->error == error &&
	       (f->cs & 3) == (uint32_t)ring;
}

void test_main(void)
{
	uint32_t x = page_get(), va = KVA(x);
	uint32_t upfn = KIT_USER_FIRST_PFN(start_info->nr_pages) + 100;
	uint32_t uva = KIT_USER_BASE + 100 * 4096;
	struct fault f;
	unsigned n = 0;

	*(volatile uint32_t *)(va + 0x10) = 0xabcdef01;
	check_eq(HYPERVISOR_update_va_mapping(va, 0, UVMF_INVLPG), 0);
	check(probe_read(va + 0x124, &f) && pf(&f, va + 0x124, 0, 1));
	check(probe_write(va + 0xFFC, &f) && pf(&f, va + 0xFFC, 2, 1));
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(x, PTE_RO), 0), 0);
	check(!probe_read(va + 0x10, &f));
	check(probe_write(va + 0x10, &f) && pf(&f, va + 0x10, 3, 1));
	check(probe_read(SCRATCH_VA + 0x2345, &f) &&
	      pf(&f, SCRATCH_VA + 0x2345, 0, 1));
	check_eq(HYPERVISOR_update_va_mapping(va, ptep(x, PTE_RW), 0), 0);
	printf("ring 1: not present, read-only, no L1: faults with cr2\n");

	check_eq(HYPERVISOR_update_va_mapping(uva, 0, UVMF_INVLPG), 0);
	check(exec_user_at(user_read_arg, uva + 8, &f) &&
	      pf(&f, uva + 8, 4, 3));
	check_eq(HYPERVISOR_update_va_mapping(uva, ptep(upfn, PTE_RO | PTE_U),
					      0),
		 0);
	check(!exec_user_at(user_read_arg, uva + 8, &f));
	check(exec_user_at(user_write_arg, uva + 12, &f) &&
	      pf(&f, uva + 12, 7, 3));
	check(exec_user_at(user_read_arg, va, &f) && pf(&f, va, 5, 3));
	check_eq(HYPERVISOR_update_va_mapping(uva, ptep(upfn, PTE_RW | PTE_U),
					      0),
		 0);
	check(!exec_user_at(user_write_arg, uva + 12, &f));
	printf("ring 3: not present, read-only, kernel page: faults with "
	       "cr2\n");

	for (unsigned i = 0; i < 100; i++) {
		uint32_t a = va + (i * 40) % 4096;

		check_eq(HYPERVISOR_update_va_mapping(va, 0, 0), 0);
		if (probe_read(a, &f) && pf(&f, a, 0, 1))
			n++;
		check_eq(HYPERVISOR_update_va_mapping(va, ptep(x, PTE_RW), 0),
			 0);
		if (probe_read(a, &f))
			xtf_failure("mapped back, %x still faults", a);
	}
	check_eq(n, 100);
	check_eq(*(volatile uint32_t *)(va + 0x10), 0xabcdef01);
	printf("100 rounds of unmap, fault, map back\n");
	xtf_success("every page fault reached us with its address");
}
