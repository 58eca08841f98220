/*
 * ring0_selectors: ring 1 reaching for the VMM's ring-0 segments. Loading
 * the VMM's data segment 0xe010 (with RPL 0 or 1), its code segment
 * 0xe008 or its TSS 0xe040 into a segment register, a far jmp, call, ret
 * or iret to 0xe008, an iret with 0xe010 as the new ss: the CPU raises
 * #GP with the selector as error code, and the VMM gives that #GP to the
 * guest kernel like any other (the instruction is not privileged, so the
 * domain goes on). Nothing else happens: our segment registers are still
 * ours, and lsl, lar, verr and verw tell nothing about the VMM's
 * descriptors from ring 1.
 *
 * Hostile: a VMM whose descriptors allowed it would run this guest in
 * ring 0 or give it a segment over the VMM. The grader also runs a victim
 * after it.
 */
#include <guest/gdt.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "the VMM's ring-0 selectors, from ring 1";

void ld_ds(void *), ld_es(void *), ld_fs(void *), ld_gs(void *), ld_ss(void *),
	far_jmp(void *), far_call(void *), far_ret(void *), iret_ring0(void *),
	iret_vmm_ss(void *);

static void expect_gp(const char *what, void (*fn)(void *), uint32_t sel,
		      uint32_t error)
{
	struct fault f;
	uint32_t ds, ss, cs;

	if (!exec_fault(fn, (void *)sel, &f))
		xtf_failure("%s: no fault", what);
	else if (f.vector != 13 || f.error != error || (f.cs & 3) != 1)
		xtf_failure("%s: vector %u error %x ring %u, expected #GP %x",
			    what, f.vector, f.error, f.cs & 3, error);
	else
		printf("%s: #GP error %x\n", what, f.error);
	__asm__ volatile("mov %%ds, %0; mov %%ss, %1; mov %%cs, %2"
			 : "=r"(ds), "=r"(ss), "=r"(cs));
	if ((ds & 0xFFFF) != FLAT_RING1_DS || (ss & 0xFFFF) != FLAT_RING1_SS ||
	    (cs & 0xFFFF) != FLAT_RING1_CS)
		xtf_failure("%s: now cs %x ds %x ss %x", what, cs & 0xFFFF,
			    ds & 0xFFFF, ss & 0xFFFF);
}

void test_main(void)
{
	static const uint16_t vmm[] = { VMM_CS, VMM_DS, VMM_TSS };
	int ok;

	expect_gp("mov $0xe010, %ds", ld_ds, VMM_DS, VMM_DS);
	expect_gp("mov $0xe011, %ds", ld_ds, VMM_DS | 1, VMM_DS);
	expect_gp("mov $0xe010, %es", ld_es, VMM_DS, VMM_DS);
	expect_gp("mov $0xe010, %fs", ld_fs, VMM_DS, VMM_DS);
	expect_gp("mov $0xe010, %gs", ld_gs, VMM_DS, VMM_DS);
	expect_gp("mov $0xe010, %ss", ld_ss, VMM_DS, VMM_DS);
	expect_gp("mov $0xe011, %ss", ld_ss, VMM_DS | 1, VMM_DS);
	expect_gp("mov $0xe008, %es", ld_es, VMM_CS, VMM_CS);
	expect_gp("mov $0xe040, %fs", ld_fs, VMM_TSS, VMM_TSS);
	expect_gp("ljmp $0xe008", far_jmp, 0, VMM_CS);
	expect_gp("lcall $0xe008", far_call, 0, VMM_CS);
	expect_gp("lret to 0xe008", far_ret, 0, VMM_CS);
	expect_gp("iret to 0xe008", iret_ring0, 0, VMM_CS);
	expect_gp("iret with ss 0xe013", iret_vmm_ss, 0, VMM_DS);

	for (unsigned i = 0; i < sizeof(vmm) / sizeof(vmm[0]); i++) {
		seg_lsl(vmm[i] | 1, &ok);
		check(!ok);
		seg_lar(vmm[i] | 1, &ok);
		check(!ok);
		check(!seg_verr(vmm[i] | 1));
		check(!seg_verw(vmm[i] | 1));
	}
	printf("lsl, lar, verr, verw: nothing about the VMM's selectors\n");
	xtf_success("ring 1 got #GP for every ring-0 selector");
}
