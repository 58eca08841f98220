/*
 * user_kernel_memory: a guest user process (ring 3) touching its guest
 * kernel's memory: the kernel's code and data, the start-info page, the
 * page tables, the pfn-to-mfn list, the shared-info page. All of it is
 * supervisor-only, so each read, write and jump gives the guest kernel -
 * not the VMM - a #PF with the user bit set (error 5 for a read or a
 * jump, 7 for a write), cr2 the address; the kernel's memory is
 * unchanged. The user window (public/layout.h) is ring 3's own: reads and
 * writes there work.
 *
 * Hostile: a vulnerable VMM maps guest-kernel pages with the user bit
 * (ring 3 reads or writes its kernel) or handles the fault itself (the
 * domain is destroyed, and the grader sees no result line).
 */
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <public/layout.h>

const char test_title[] = "ring 3 cannot touch the guest kernel";

static volatile uint32_t secret = 0x5ec2e7;

static void expect_pf(const char *what, void (*fn)(void), uint32_t va,
		      uint32_t error)
{
	struct fault f;

	if (!exec_user_at(fn, va, &f))
		xtf_failure("%s %x from ring 3: no fault", what, va);
	else if (f.vector != 14 || f.error != error || f.cr2 != va ||
		 f.cs != FLAT_RING3_CS)
		xtf_failure("%s %x: vector %u error %x cr2 %x cs %x, expected "
			    "#PF %x in ring 3",
			    what, va, f.vector, f.error, f.cr2, f.cs, error);
	else
		printf("%s %x: #PF error %x for the guest kernel\n", what, va,
		       f.error);
}

void test_main(void)
{
	const uint32_t addrs[] = {
		KIT_KERNEL_BASE,
		(uint32_t)&secret,
		(uint32_t)start_info,
		start_info->pt_base,
		start_info->mfn_list,
		KIT_SHARED_INFO_VA(start_info->nr_pages),
		KIT_KERNEL_BASE + start_info->nr_pages * 4096 - 4,
	};
	struct fault f;

	for (unsigned i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		expect_pf("read", user_read_arg, addrs[i], 5);
		expect_pf("write", user_write_arg, addrs[i], 7);
	}
	expect_pf("jump to", user_jump_arg, KIT_KERNEL_BASE, 5);
	expect_pf("jump to", user_jump_arg, (uint32_t)test_main, 5);
	check_eq(secret, 0x5ec2e7);

	/* The user window is ring 3's. */
	check_eq(exec_user_at(user_write_arg, KIT_USER_BASE + 0x2000, &f), 0);
	check_eq(exec_user_at(user_read_arg, KIT_USER_BASE + 0x2000, &f), 0);
	xtf_success("every touch of the guest kernel was the kernel's #PF");
}
