/*
 * gdt_attack: a guest that changes or removes GDT entries it is using, so
 * that what the VMM validated earlier is no longer true. Command line:
 *   do=cs-removed    run on our own code segment, set_gdt without it
 *   do=ss-removed    run on our own stack segment, set_gdt without it
 *   do=cs-notpresent run on our own code segment, mark it not present
 *   do=cs-data       run on our own code segment, make it a data segment
 *   do=ss-readonly   run on our own stack segment, make it read-only
 *   do=fs-xonly      %fs on our own data segment, make it execute-only
 *                    code (which no data segment register may hold)
 *   do=trap-cs       a trap handler on our own code segment, make that
 *                    a data segment, then raise the exception
 *   do=trap-cs-removed  the same, removing the segment with set_gdt
 *   do=kernel-ss     stack_switch to our own stack segment, remove it,
 *                    then fault in ring 3
 *   do=pagetable     give our own L2 page table (read-only to us) to
 *                    set_gdt as a GDT frame, then update_descriptor an
 *                    "entry" of it: a not-present descriptor, accepted
 *                    unchanged, whose low word is a 4 MiB L2 entry
 *                    mapping machine memory 0-4 MiB (the VMM's image)
 *                    writable, for ring 3 too
 * For the first nine, a VMM must either refuse the change, or destroy
 * this domain, or make the register safe (a data segment register may
 * become null): it must never return to the guest, or bounce to it,
 * through a segment the CPU refuses, which faults inside the VMM (a
 * vulnerable VMM stops there, or the machine resets). This guest reports
 * FAILURE if it finds itself running on a segment that is gone, SUCCESS
 * if the VMM refused the change or made it safe. For do=pagetable, a
 * vulnerable VMM takes the page table as a GDT frame and writes the
 * "descriptor" into it: this guest then finds the entry in its L2 (which
 * would map the VMM) and reports FAILURE; a fixed one refuses the frame or
 * (the kit) updates only its own copy, and this guest reports SUCCESS.
 */
#include <lib/string.h>
#include <guest/gdt.h>
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "GDT changes the VMM must not let through";

static struct seg_desc gdt[512] __attribute__((aligned(4096)));
static uint32_t kstack[1024] __attribute__((aligned(16)));

enum { CODE = 1, DATA, ENTRIES };

static void __user_text user_ud2(void)
{
	__asm__ volatile("ud2");
}

static void on_own_cs(void)
{
	__asm__ volatile("ljmp %0, $1f\n1:" : : "i"(SEL(CODE, 1)));
}

static void back_to_flat(void)
{
	__asm__ volatile("ljmp %0, $1f\n1:" : : "i"(FLAT_RING1_CS));
	__asm__ volatile("mov %0, %%ss" : : "r"((uint32_t)FLAT_RING1_SS));
}

static void report(const char *what, long rc)
{
	uint32_t cs, ss, fs;

	__asm__ volatile("mov %%cs, %0; mov %%ss, %1; mov %%fs, %2"
			 : "=r"(cs), "=r"(ss), "=r"(fs));
	printf("%s: %ld; now cs %x ss %x fs %x\n", what, rc, cs & 0xFFFF,
	       ss & 0xFFFF, fs & 0xFFFF);
}

void test_main(void)
{
	char what[24];
	struct seg_desc d;
	struct fault f;
	long rc;

	if (!test_arg("do", what, sizeof(what))) {
		xtf_error("no do= on the command line");
		return;
	}
	gdt[CODE] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1), 1);
	gdt[DATA] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1), 1);
	check_eq(gdt_install(gdt, ENTRIES), 0);
	printf("attack: %s\n", what);
	console_flush();

	if (!strcmp(what, "cs-removed")) {
		on_own_cs();
		rc = gdt_install(gdt, CODE);
		report("set_gdt without our cs", rc);
		xtf_failure("still running on a code segment that is gone");
	} else if (!strcmp(what, "ss-removed")) {
		__asm__ volatile("mov %0, %%ss"
				 :
				 : "r"((uint32_t)SEL(DATA, 1)));
		rc = gdt_install(gdt, DATA);
		report("set_gdt without our ss", rc);
		xtf_failure("still running on a stack segment that is gone");
	} else if (!strcmp(what, "cs-notpresent") || !strcmp(what, "cs-data")) {
		d = what[3] == 'n' ?
			    seg_make(0, 0xFFFFF, ACC_CODE_SEG(1) & ~ACC_P, 1) :
			    seg_make(0, 0xFFFFF, ACC_DATA_SEG(1), 1);
		on_own_cs();
		rc = gdt_update(gdt, CODE, d);
		report("update_descriptor of our cs", rc);
		back_to_flat();
		if (rc == 0)
			xtf_failure("ran on in a segment the CPU refuses");
	} else if (!strcmp(what, "ss-readonly")) {
		__asm__ volatile("mov %0, %%ss"
				 :
				 : "r"((uint32_t)SEL(DATA, 1)));
		rc = gdt_update(gdt, DATA,
				seg_make(0, 0xFFFFF,
					 ACC_DATA_SEG(1) & ~ACC_WRITE, 1));
		report("update_descriptor of our ss", rc);
		back_to_flat();
		if (rc == 0)
			xtf_failure("ran on with a read-only stack segment");
	} else if (!strcmp(what, "fs-xonly")) {
		uint32_t fs;

		__asm__ volatile("mov %0, %%fs"
				 :
				 : "r"((uint32_t)SEL(DATA, 1)));
		rc = gdt_update(gdt, DATA,
				seg_make(0, 0xFFFFF,
					 ACC_CODE_SEG(1) & ~ACC_READ, 1));
		report("update_descriptor of our fs", rc);
		__asm__ volatile("mov %%fs, %0" : "=r"(fs));
		if (rc == 0 && (fs & 0xFFFF))
			xtf_failure("%%fs holds an execute-only segment");
	} else if (!strcmp(what, "trap-cs") ||
		   !strcmp(what, "trap-cs-removed")) {
		struct trap_info t[] = {
			{ 6, 0, SEL(CODE, 1), (uint32_t)rec_skip2 },
			{ 0, 0, 0, 0 },
		};

		exec_fault((void (*)(void *))user_ud2, 0, &f);
		check_eq(HYPERVISOR_set_trap_table(t), 0);
		if (!strcmp(what, "trap-cs"))
			rc = gdt_update(gdt, CODE,
					seg_make(0, 0xFFFFF, ACC_DATA_SEG(1),
						 1));
		else
			rc = gdt_install(gdt, CODE);
		report("GDT change under the #UD handler's cs", rc);
		console_flush();
		__asm__ volatile("ud2" ::: "memory");
		printf("the #UD handler ran on cs %x\n", rec.h_cs);
	} else if (!strcmp(what, "kernel-ss")) {
		exec_fault((void (*)(void *))user_ud2, 0, &f);
		check_eq(HYPERVISOR_stack_switch(SEL(DATA, 1),
						 (uint32_t)kstack + 4096),
			 0);
		rc = gdt_install(gdt, DATA);
		report("set_gdt without the kernel stack's segment", rc);
		console_flush();
		exec_user(user_ud2, &f);
		printf("ring-3 #UD: vector %u\n", f.vector);
	} else if (!strcmp(what, "pagetable")) {
		unsigned long l2 = virt_to_mfn((void *)start_info->pt_base);
		volatile uint32_t *l2e = (uint32_t *)start_info->pt_base;

		rc = HYPERVISOR_set_gdt(&l2, 2);
		printf("set_gdt(our L2 page table, frame %lx): %ld\n", l2, rc);
		if (rc == 0) {
			/* PS, U, W, P: machine 0-4 MiB at virtual 0. */
			rc = HYPERVISOR_update_descriptor(l2 << 12, 0x87, 0);
			printf("update_descriptor of its entry 0: %ld\n", rc);
		}
		/* Our L2 entry 0, read through the read-only mapping. */
		if (rc == 0 && l2e[0] == 0x87) {
			xtf_failure("the VMM wrote our page table: L2 entry 0 "
				    "maps machine memory 0-4 MiB (the VMM) "
				    "writable");
			return;
		}
		printf("our L2 entry 0 is still %x\n", l2e[0]);
	} else {
		xtf_error("unknown do=%s", what);
		return;
	}
	xtf_success("the VMM kept every segment in use valid");
}
