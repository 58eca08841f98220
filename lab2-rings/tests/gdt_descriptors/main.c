/*
 * gdt_descriptors: set_gdt validates every descriptor a guest asks for
 * (exercise 1, check_descriptor). Accepted and usable: code and data
 * segments of DPL 1 and 3, segments near the end of the guest's range,
 * not-present entries (kept as given); each present one gets its accessed
 * bit set, and a grows-up limit that reaches into the hole is truncated
 * (seen with lsl); a small data segment loaded into %fs reads and writes
 * the memory it describes. Refused with -EINVAL, the GDT in force left as
 * it was: DPL 0, DPL 2 code or data and conforming code (guests run only
 * in ring 1 and ring 3), DPL-1 code or writable data that is not flat
 * (ring 1 runs only on flat segments), every system descriptor (call gates,
 * even to ring 1, TSS, LDT, interrupt gate), expand-down data, a base in the
 * hole; a frame we do not own (the shared-info page, the VMM's image, no frame
 * at all), too many entries. A frame list we cannot read: -EFAULT.
 *
 * Hostile: a vulnerable VMM installs a call gate or DPL-0 segment (a way
 * into ring 0), a segment over the hole, or reads a frame of the VMM's as
 * our GDT. A fixed one refuses, and this guest reports SUCCESS.
 */
#include <lib/string.h>
#include <guest/gdt.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <public/layout.h>

const char test_title[] = "set_gdt: descriptors validated, made safe, usable";

#define PAGES 2
static struct seg_desc gdt[PAGES * 512] __attribute__((aligned(4096)));
static struct seg_desc scratch[PAGES * 512] __attribute__((aligned(4096)));
static struct seg_desc big[15 * 512] __attribute__((aligned(4096)));
static uint32_t buffer[8] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444 };

#define SEG_END 0xF0400000u /* guest segments end here (memlayout.h) */

enum {
	E_CODE = 1,
	E_DATA,
	E_SMALL,
	E_LOW,
	E_EDGE,
	E_EDGE2,
	E_RODATA,
	E_NP,
	E_CODE3,
	E_DATA3,
	E_XONLY
};

/* The table everything starts from: all of it valid. */
static void good_table(struct seg_desc *t)
{
	memset(t, 0, sizeof(gdt));
	t[E_CODE] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1), 1);
	t[E_DATA] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1), 1);
	t[E_SMALL] = seg_make((uint32_t)buffer, 15, ACC_DATA_SEG(3), 0);
	t[E_LOW] = seg_make(0x00400000, 0xFFFFF, ACC_DATA_SEG(3), 1);
	t[E_EDGE] = seg_make(SEG_END - 0x1000, 0xFFF, ACC_DATA_SEG(3), 0);
	t[E_EDGE2] = seg_make(SEG_END - 0x100, 0xFFFF, ACC_DATA_SEG(3), 0);
	t[E_RODATA] =
		seg_make((uint32_t)buffer, 31, ACC_DATA_SEG(1) & ~ACC_WRITE, 0);
	/* Not present: anything goes, the CPU never loads it. */
	t[E_NP].lo = 0x12345678;
	t[E_NP].hi = 0x0000ec00 & ~0x8000u; /* a DPL-3 call gate, P = 0 */
	t[E_CODE3] = seg_make(0, 0xBFFFF, ACC_CODE_SEG(3), 1);
	t[E_DATA3] = seg_make(0x1000, 0x7FFF, ACC_DATA_SEG(3), 0);
	t[E_XONLY] =
		seg_make(0, 0xFFFFF, ACC_P | ACC_DPL(1) | ACC_S | ACC_CODE, 1);
	t[600] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1), 1); /* second page */
}

static void expect_limit(const char *what, uint16_t sel, uint32_t limit)
{
	int ok;
	uint32_t got = seg_lsl(sel, &ok);

	if (!ok)
		xtf_failure("%s: lsl refuses selector %x", what, sel);
	else if (got != limit)
		xtf_failure("%s: limit %x, expected %x", what, got, limit);
	else
		printf("%s: limit %x\n", what, got);
}

/* The access-rights word lar shows: accessed bit set, the rest as given. */
static void expect_rights(const char *what, uint16_t sel, uint8_t access)
{
	int ok;
	uint32_t ar = seg_lar(sel, &ok);

	if (!ok)
		xtf_failure("%s: lar refuses selector %x", what, sel);
	else if (((ar >> 8) & 0xFF) != (access | ACC_ACCESSED))
		xtf_failure("%s: access byte %x, expected %x", what,
			    (ar >> 8) & 0xFF, access | ACC_ACCESSED);
}

static void accepted(void)
{
	uint32_t v;
	int ok;

	good_table(gdt);
	check_eq(gdt_install(gdt, 601), 0);
	expect_limit("flat ring-1 code", SEL(E_CODE, 1), SEG_END - 1);
	expect_limit("flat ring-1 data", SEL(E_DATA, 1), SEG_END - 1);
	expect_limit("16-byte data", SEL(E_SMALL, 3), 15);
	expect_limit("data at 4 MiB", SEL(E_LOW, 3), SEG_END - 0x00400000 - 1);
	expect_limit("last page", SEL(E_EDGE, 3), 0xFFF);
	expect_limit("byte-granular, over the end", SEL(E_EDGE2, 3), 0xFF);
	expect_limit("ring-1 read-only data", SEL(E_RODATA, 1), 31);
	expect_limit("ring-3 code", SEL(E_CODE3, 3), 0xBFFFFFFF);
	expect_limit("ring-3 data", SEL(E_DATA3, 3), 0x7FFF);
	expect_limit("second GDT page", SEL(600, 1), SEG_END - 1);
	expect_rights("ring-1 code", SEL(E_CODE, 1), ACC_CODE_SEG(1));
	expect_rights("ring-1 data", SEL(E_DATA, 1), ACC_DATA_SEG(1));
	expect_rights("ring-1 read-only data", SEL(E_RODATA, 1),
		      ACC_DATA_SEG(1) & ~ACC_WRITE);
	expect_rights("ring-3 code", SEL(E_CODE3, 3), ACC_CODE_SEG(3));
	expect_rights("execute-only code", SEL(E_XONLY, 1),
		      ACC_P | ACC_DPL(1) | ACC_S | ACC_CODE);
	/* Not present: kept exactly as given (no accessed bit either). */
	v = seg_lar(SEL(E_NP, 3), &ok);
	check(ok && ((v >> 8) & 0xFF) == 0x6c);
	/* Beyond the entries in use: nothing there. */
	seg_lsl(SEL(601, 1), &ok);
	check_eq(ok, 0);
	check(seg_verw(SEL(E_DATA, 1)));
	check(!seg_verw(SEL(E_CODE, 1)));
	check(!seg_verr(SEL(E_XONLY, 1)));

	/* The small segment is usable: %fs:0 is buffer[0]. */
	__asm__ volatile("mov %1, %%fs; movl %%fs:4, %0"
			 : "=r"(v)
			 : "r"((uint32_t)SEL(E_SMALL, 3)));
	check_eq(v, 0x22222222);
	__asm__ volatile("movl %0, %%fs:8" : : "r"(0xabcdef01u) : "memory");
	check_eq(buffer[2], 0xabcdef01);
	/* And the flat one, as %ds would be. */
	__asm__ volatile("mov %1, %%gs; movl %%gs:(%2), %0"
			 : "=r"(v)
			 : "r"((uint32_t)SEL(E_DATA, 1)), "r"(&buffer[3]));
	check_eq(v, 0x44444444);
	printf("loaded %%fs and %%gs from our own GDT and used them\n");
}

/* The GDT in force is still the one accepted() installed. */
static void unchanged(const char *what)
{
	int ok;
	uint32_t lim = seg_lsl(SEL(E_SMALL, 3), &ok);

	if (!ok || lim != 15)
		xtf_failure("%s: a refused set_gdt changed the GDT", what);
}

static void refused(const char *what, unsigned index, struct seg_desc d)
{
	long rc;

	good_table(scratch);
	scratch[index] = d;
	rc = gdt_install(scratch, 601);
	if (rc != -EINVAL)
		xtf_failure("%s: set_gdt returned %ld, expected -EINVAL", what,
			    rc);
	else
		printf("%s: refused\n", what);
	unchanged(what);
}

static void bad_descriptors(void)
{
	refused("DPL-0 data", 20, seg_make(0, 0xFFFFF, ACC_DATA_SEG(0), 1));
	refused("DPL-0 code", 21, seg_make(0, 0xFFFFF, ACC_CODE_SEG(0), 1));
	refused("DPL-2 code (a way into ring 2)", 33,
		seg_make(0, 0xFFFFF, ACC_CODE_SEG(2), 1));
	refused("DPL-2 data (a stack for ring 2)", 34,
		seg_make(0, 0xFFFFF, ACC_DATA_SEG(2), 1));
	refused("conforming code (runs at the caller's ring)", 35,
		seg_make(0, 0xFFFFF, ACC_CODE_SEG(1) | ACC_CONFORM, 1));
	refused("ring-1 code that is not flat", 36,
		seg_make(0, 0xBFFFF, ACC_CODE_SEG(1), 1));
	refused("ring-1 stack data that is not flat", 37,
		seg_make((uint32_t)buffer, 15, ACC_DATA_SEG(1), 0));
	refused("DPL-0 data, small", 22,
		seg_make(0x1000, 0xFF, ACC_DATA_SEG(0), 0));
	refused("call gate to ring 0", 23, gate_make(VMM_CS, 0xF8100000, 3));
	refused("call gate to ring 1", 24,
		gate_make(FLAT_RING1_CS, (uint32_t)accepted, 3));
	refused("TSS", 25,
		seg_make((uint32_t)scratch, 103, ACC_P | ACC_DPL(1) | SYS_TSS32,
			 0));
	refused("LDT", 26,
		seg_make((uint32_t)scratch, 0xFFF, ACC_P | ACC_DPL(1) | SYS_LDT,
			 0));
	refused("interrupt gate", 27,
		seg_make(0, 0, ACC_P | ACC_DPL(3) | SYS_INTGATE, 0));
	refused("expand-down data", 28,
		seg_make(0, 0xFFF, ACC_DATA_SEG(1) | ACC_EXPDOWN, 0));
	refused("expand-down ring-3 data", 29,
		seg_make(0, 0xFFFFE, ACC_DATA_SEG(3) | ACC_EXPDOWN, 1));
	refused("base at the end of the guest range", 30,
		seg_make(SEG_END, 0, ACC_DATA_SEG(3), 0));
	refused("base in the VMM", 31,
		seg_make(0xF8100000, 0xFFF, ACC_DATA_SEG(3), 0));
	refused("base at the top", 32,
		seg_make(0xFFFFF000, 0xFFF, ACC_CODE_SEG(3), 0));
	refused("bad descriptor on the second page", 590,
		seg_make(0, 0xFFFFF, ACC_CODE_SEG(0), 1));
}

static void bad_frames(void)
{
	unsigned long frames[14], big_frames[15];
	char *si_end = (char *)KIT_SHARED_INFO_VA(start_info->nr_pages) + 4096;
	long rc;

	good_table(scratch);
	frames[0] = start_info->shared_info >> 12; /* the VMM's frame */
	check_eq(HYPERVISOR_set_gdt(frames, 16), -EINVAL);
	frames[0] = 0x100; /* the VMM's image, at 1 MiB */
	check_eq(HYPERVISOR_set_gdt(frames, 16), -EINVAL);
	frames[0] = 0xFFFFF; /* past the end of memory */
	check_eq(HYPERVISOR_set_gdt(frames, 16), -EINVAL);
	frames[0] = frames[1] = virt_to_mfn(scratch); /* the same frame twice */
	check_eq(HYPERVISOR_set_gdt(frames, 600), -EINVAL);
	frames[0] = virt_to_mfn(scratch);
	frames[1] = start_info->shared_info >> 12; /* good, then bad */
	check_eq(HYPERVISOR_set_gdt(frames, 601), -EINVAL);
	/* One entry too many, in 15 frames of ours, all valid. */
	for (unsigned i = 0; i < 15; i++)
		big_frames[i] = virt_to_mfn(big + i * 512);
	check_eq(HYPERVISOR_set_gdt(big_frames, 7169), -EINVAL);
	/* The count is checked before the list is read: a VMM that read
	 * 15 frame numbers into its 14 slots would overrun them. Here the
	 * 15th runs off the end of our memory, so reading first shows. */
	memcpy(si_end - 14 * 4, big_frames, 14 * 4);
	rc = HYPERVISOR_set_gdt((const unsigned long *)(si_end - 14 * 4), 7169);
	check_eq(rc, -EINVAL);
	check_eq(HYPERVISOR_set_gdt(frames, 0xFFFFFFFF), -EINVAL);
	rc = HYPERVISOR_set_gdt((const unsigned long *)0xF8100000, 16);
	check_eq(rc, -EFAULT); /* a frame list in the VMM */
	rc = HYPERVISOR_set_gdt((const unsigned long *)0x00400000, 16);
	check_eq(rc, -EFAULT); /* unmapped */
	unchanged("bad frames");
	printf("frames we do not own, bad frame lists: refused\n");
}

/* The largest GDT: 14 pages of not-present entries, all accepted. */
static void largest(void)
{
	int ok;

	check_eq(gdt_install(big, 7168), 0);
	seg_lsl(SEL(E_SMALL, 3), &ok);
	check_eq(ok, 0);
	check_eq(gdt_install(gdt, 601), 0);
	unchanged("back to ours");
}

void test_main(void)
{
	accepted();
	bad_descriptors();
	bad_frames();
	largest();
	xtf_success("set_gdt checked every descriptor");
}
