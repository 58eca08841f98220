/*
 * gdt_readonly: the GDT the CPU uses is the VMM's, mapped read-only at
 * 0xF0400000. Writes from ring 1 to it give the guest a #PF (present,
 * write), and change nothing: to its page 0 before set_gdt (a page of
 * zeros every domain shares), to the validated copy of our own GDT after
 * set_gdt, to a page past our entries, to the VMM's page 14 (the flat
 * segments). Our own GDT frames stay ours to write, but what we write
 * there has no effect: the CPU uses the VMM's copy until set_gdt or
 * update_descriptor validates a change.
 *
 * Hostile: a vulnerable VMM maps the GDT pages writable, or uses the
 * guest's frames directly: the guest writes itself a DPL-0 code segment
 * or a call gate into ring 0.
 */
#include <guest/gdt.h>
#include <guest/hole.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "the GDT in force is read-only to the guest";

static struct seg_desc gdt[512] __attribute__((aligned(4096)));

static void expect_ro(uint32_t va, const char *what)
{
	struct fault f;
	uint32_t before = *(volatile uint32_t *)va;

	if (!probe_write(va, &f))
		xtf_failure("%s (%x): written from ring 1", what, va);
	else if (f.vector != 14 || f.error != 3 || f.cr2 != va)
		xtf_failure("%s (%x): vector %u error %x cr2 %x, expected "
			    "#PF 3",
			    what, va, f.vector, f.error, f.cr2);
	else
		printf("%s (%x): #PF, read-only\n", what, va);
	check_eq(*(volatile uint32_t *)va, before);
}

void test_main(void)
{
	int ok;
	uint32_t ar;

	expect_ro(GDT_AREA + 8, "GDT page 0, before set_gdt");
	expect_ro(GDT_AREA + 13 * 4096 + 0x100, "GDT page 13, shared zeros");
	gdt[1] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1), 1);
	gdt[2] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1), 1);
	check_eq(gdt_install(gdt, 3), 0);
	expect_ro(GDT_AREA + 8, "our GDT entry 1");
	expect_ro(GDT_AREA + 16 + 4, "our GDT entry 2, high word");
	expect_ro(GDT_AREA + 4096, "GDT page 1, past our entries");
	expect_ro(GDT_AREA + (FLAT_RING1_CS & ~7u) + 4,
		  "the VMM's flat ring-1 code descriptor");
	expect_ro(GDT_AREA + (VMM_CS & ~7u) + 4,
		  "the VMM's own code descriptor");

	/* Our frame is ours, and nothing the CPU uses. */
	gdt[2] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(0), 1);
	ar = seg_lar(SEL(2, 1), &ok);
	check(ok && ((ar >> 8) & 0xFF) == (ACC_DATA_SEG(1) | ACC_ACCESSED));
	check_eq(seg_lsl(SEL(2, 1), &ok), 0xF03FFFFF);
	printf("a DPL-0 code segment written into our own frame: no effect\n");
	check_eq(gdt_install(gdt, 3), -EINVAL);
	xtf_success("the GDT could only change through the VMM");
}
