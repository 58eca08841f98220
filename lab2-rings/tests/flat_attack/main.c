/*
 * flat_attack: ring 1 runs only on flat segments. The VMM takes the guest
 * kernel's eip and esp for linear addresses: it writes a bounce frame at
 * the ring-1 esp (create_bounce_frame), reads a privileged instruction at
 * the ring-1 eip (privileged_insn), and its own iret on the return path
 * checks eip against the code segment's limit (on real hardware). So a
 * segment ring 1 can run on, DPL-1 code (its %cs) or DPL-1 writable data
 * (its %ss), must have base 0 and reach up to the hole: set_gdt and
 * update_descriptor refuse one with another base or a shorter limit.
 * Segments ring 1 cannot run on stay free: DPL-1 read-only data, DPL-3
 * code and data, with any base and limit below the hole.
 *
 * Hostile: a vulnerable VMM accepts a based stack segment; a fault on it
 * then gets its frame written at an address the segment does not name,
 * and a short code segment makes the VMM's own iret fault on hardware.
 */
#include <guest/gdt.h>
#include <guest/test.h>

const char test_title[] = "only flat segments for ring 1";

enum { CODE = 1, DATA, TRY, ENTRIES };

static struct seg_desc gdt[512] __attribute__((aligned(4096)));
static uint32_t buffer[64];

/* d at entry TRY, through set_gdt and through update_descriptor. */
static void try(const char *what, struct seg_desc d, long want)
{
	long rc, rc2;

	gdt[CODE] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1), 1);
	gdt[DATA] = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1), 1);
	gdt[TRY] = d;
	rc = gdt_install(gdt, ENTRIES);
	gdt[TRY] = (struct seg_desc){ 0, 0 };
	check_eq(gdt_install(gdt, ENTRIES), 0);
	rc2 = gdt_update(gdt, TRY, d);
	printf("%s: set_gdt %ld, update_descriptor %ld\n", what, rc, rc2);
	if (rc != want || rc2 != want)
		xtf_failure("%s: %s", what, want ? "accepted" : "refused");
}

void test_main(void)
{
	uint32_t b = (uint32_t)buffer;

	try("ring-1 code, base 0x1000",
	    seg_make(0x1000, 0xFFFFF, ACC_CODE_SEG(1), 1), -EINVAL);
	try("ring-1 code, 3 GiB limit",
	    seg_make(0, 0xBFFFF, ACC_CODE_SEG(1), 1), -EINVAL);
	try("ring-1 execute-only code, 64 KiB",
	    seg_make(0, 0xFFFF, ACC_CODE_SEG(1) & ~ACC_READ, 0), -EINVAL);
	try("ring-1 stack data, base at a buffer",
	    seg_make(b, 0xFF, ACC_DATA_SEG(1), 0), -EINVAL);
	try("ring-1 stack data, base 0x1000",
	    seg_make(0x1000, 0xFFFFF, ACC_DATA_SEG(1), 1), -EINVAL);
	try("ring-1 stack data, 4 KiB limit",
	    seg_make(0, 0xFFF, ACC_DATA_SEG(1), 0), -EINVAL);

	try("flat ring-1 code", seg_make(0, 0xFFFFF, ACC_CODE_SEG(1), 1), 0);
	try("flat ring-1 data, limit to the hole",
	    seg_make(0, 0xF03FF, ACC_DATA_SEG(1), 1), 0);
	try("ring-1 read-only data over a buffer",
	    seg_make(b, 0xFF, ACC_DATA_SEG(1) & ~ACC_WRITE, 0), 0);
	try("ring-3 code, base 0x1000, 64 KiB",
	    seg_make(0x1000, 0xFFFF, ACC_CODE_SEG(3), 0), 0);
	try("ring-3 data over a buffer", seg_make(b, 0xFF, ACC_DATA_SEG(3), 0),
	    0);
	xtf_success("ring 1 can run only on flat segments");
}
