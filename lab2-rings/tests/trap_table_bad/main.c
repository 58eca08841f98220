/*
 * trap_table_bad: trap tables that cannot be read whole, or do not end.
 * A table that does not end within 256 entries: -EINVAL (256 entries and
 * the terminator are fine), also when the 257th entry is the last one
 * mapped. A pointer the VMM must not follow: unmapped,
 * in the VMM, in the read-only GDT area and IDT of the trampoline (which
 * ring 1 can read, but which is the VMM's and no table of the guest's),
 * wrapping around the top of memory, or a table that runs off the end of
 * the guest's memory (whole entries, or one entry split by the page
 * boundary): -EFAULT. Each time nothing changes: ud2 still reaches the
 * old handler, the other exceptions the test library's.
 *
 * Hostile: a vulnerable VMM reads past the guest's memory (or from the
 * VMM's own), faults inside itself, or loops over an endless table.
 */
#include <lib/string.h>
#include <arch/x86.h>
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <public/layout.h>

const char test_title[] = "set_trap_table: endless and unreadable tables";

static struct trap_info big[300];

static void div0(void *arg)
{
	(void)arg;
	__asm__ volatile("xorl %%ecx, %%ecx; divl %%ecx"
			 :
			 :
			 : "eax", "ecx", "edx");
}

static void unchanged(const char *what)
{
	struct fault f;
	uint32_t a = rec.count, b = alt_count;

	__asm__ volatile("ud2" ::: "memory");
	if (rec.count != a + 1 || alt_count != b)
		xtf_failure("%s: the #UD handler changed", what);
	if (!exec_fault(div0, 0, &f) || f.vector != 0)
		xtf_failure("%s: the #DE handler changed", what);
}

static void expect(const char *what, const void *table, long want)
{
	long rc = HYPERVISOR_set_trap_table(table);

	if (rc != want)
		xtf_failure("%s: set_trap_table returned %ld, expected %ld",
			    what, rc, want);
	else
		printf("%s: %ld\n", what, rc);
	unchanged(what);
}

/* n entries, all valid, #UD to alt_skip2 first; terminated or not. */
static void fill(unsigned n, int terminated)
{
	for (unsigned i = 0; i < n; i++)
		big[i] = (struct trap_info){ (uint8_t)(i ? 0x30 + i % 64 : 6),
					     1, FLAT_RING1_CS,
					     (uint32_t)alt_skip2 };
	if (terminated)
		big[n] = (struct trap_info){ 0, 0, 0, 0 };
}

void test_main(void)
{
	struct desc_ptr idt;
	char *si_end = (char *)KIT_SHARED_INFO_VA(start_info->nr_pages) + 4096;
	struct trap_info *tail = (struct trap_info *)(si_end - 16);
	char *uw_end = (char *)KIT_USER_BASE +
		       KIT_USER_PAGES(start_info->nr_pages) * 4096;
	struct trap_info *edge = (struct trap_info *)uw_end - 257;
	uint32_t b;

	check_eq(trap_set(6, 0, 0, rec_skip2), 0);
	__asm__ volatile("sidt %0" : "=m"(idt));

	fill(257, 1);
	expect("257 entries", big, -EINVAL);
	fill(300, 0);
	expect("300 entries, no end", big, -EINVAL);
	/* 257 entries, no end, whose last byte is the last one mapped (the
	 * user window's end: an unmapped page follows). The VMM reads entry
	 * 256, which is not the end, and stops there; a VMM that reads on
	 * until an end and counts afterwards meets the unmapped page. */
	memcpy(edge, big, 257 * sizeof(*edge));
	expect("257 entries up to the last mapped byte", edge, -EINVAL);
	expect("unmapped", (const void *)0x00400000, -EFAULT);
	expect("in the VMM", (const void *)0xF8100000, -EFAULT);
	expect("the GDT area (read-only to us)", (const void *)0xF0400000,
	       -EFAULT);
	expect("the IDT (read-only to us)", (const void *)idt.base, -EFAULT);
	expect("wrapping around", (const void *)0xFFFFFFF8, -EFAULT);
	/* The shared-info page is the last mapped one: two entries at its
	 * end, the terminator would be on the next page. */
	tail[0] =
		(struct trap_info){ 6, 0, FLAT_RING1_CS, (uint32_t)alt_skip2 };
	tail[1] = tail[0];
	expect("running off the end of memory", tail, -EFAULT);
	memcpy(si_end - 4, &tail[0], 4);
	expect("an entry split by the end of memory", si_end - 4, -EFAULT);

	/* 256 entries and the terminator: taken. */
	fill(256, 1);
	b = alt_count;
	check_eq(HYPERVISOR_set_trap_table(big), 0);
	__asm__ volatile("ud2" ::: "memory");
	check_eq(alt_count, b + 1);
	printf("256 entries: taken\n");
	xtf_success("bad tables were refused whole");
}
