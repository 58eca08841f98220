/*
 * update_descriptor: one entry of the GDT in force changes, validated by
 * check_descriptor (exercise 1) as with set_gdt. A valid descriptor is
 * made safe (accessed bit, limit truncated at the hole) and goes into
 * force at once (lsl, lar); the VMM changes only its own copy, never our
 * frame (which could by now be anything, even one of our page tables). Refused
 * with -EINVAL, the entry left as it was: the descriptors set_gdt refuses, a
 * machine address outside our GDT frames (a frame of ours that is not one, the
 * shared-info frame, frame 0), an entry past those in use, a misaligned
 * address, an address above 4 GiB. A data segment register whose descriptor
 * goes away becomes the null selector.
 *
 * Hostile: a vulnerable VMM writes the descriptor wherever the guest
 * points (any machine frame), or installs a way into ring 0 or the hole.
 */
#include <lib/string.h>
#include <guest/gdt.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "update_descriptor: one GDT entry, validated";

#define ENTRIES 16
#define SEG_END 0xF0400000u

static struct seg_desc gdt[512] __attribute__((aligned(4096)));
static struct seg_desc other[512] __attribute__((aligned(4096)));
static uint32_t buffer[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

static uint32_t limit_of(uint16_t sel)
{
	int ok;
	uint32_t l = seg_lsl(sel, &ok);

	return ok ? l : 0xdead;
}

static void refused(const char *what, struct seg_desc d)
{
	struct seg_desc before = gdt[4];
	long rc = gdt_update(gdt, 4, d);

	if (rc != -EINVAL)
		xtf_failure("%s: update_descriptor returned %ld, expected "
			    "-EINVAL",
			    what, rc);
	else
		printf("%s: refused\n", what);
	if (limit_of(SEL(4, 1)) != 0x1F)
		xtf_failure("%s: the entry changed", what);
	if (memcmp(&before, &gdt[4], sizeof(before)))
		xtf_failure("%s: our own frame changed", what);
}

static void valid(void)
{
	struct seg_desc d = seg_make(0, 0xFFFFF, ACC_DATA_SEG(1), 1);
	struct seg_desc frame[8];
	int ok;

	memcpy(frame, gdt, sizeof(frame));
	check_eq(gdt_update(gdt, 4,
			    seg_make((uint32_t)buffer, 0x1F, ACC_DATA_SEG(3),
				     0)),
		 0);
	check_eq(limit_of(SEL(4, 3)), 0x1F);
	check(seg_lar(SEL(4, 3), &ok) & (ACC_ACCESSED << 8)); /* made safe */
	check(ok);
	check_eq(gdt_update(gdt, 5, d), 0);
	check_eq(limit_of(SEL(5, 1)), SEG_END - 1);
	check_eq(gdt_update(gdt, 6, seg_make(0, 0x7FFFF, ACC_CODE_SEG(3), 1)),
		 0);
	check_eq(limit_of(SEL(6, 3)), 0x7FFFFFFF);
	/* Not present: accepted as is. */
	d.lo = 0xdeadbeef;
	d.hi = 0x00000c00; /* a DPL-0 call gate, P = 0 */
	check_eq(gdt_update(gdt, 7, d), 0);
	check(memcmp(frame, gdt, sizeof(frame)) == 0); /* never written */
	printf("valid descriptors: in force at once, our frame untouched\n");
}

static void bad_descriptors(void)
{
	refused("DPL-0 data", seg_make(0, 0xFFFFF, ACC_DATA_SEG(0), 1));
	refused("DPL-0 code", seg_make(0, 0xFFFFF, ACC_CODE_SEG(0), 1));
	refused("call gate to ring 0", gate_make(VMM_CS, 0xF8100000, 3));
	refused("TSS", seg_make((uint32_t)other, 103,
				ACC_P | ACC_DPL(1) | SYS_TSS32, 0));
	refused("LDT", seg_make((uint32_t)other, 0xFFF,
				ACC_P | ACC_DPL(3) | SYS_LDT, 0));
	refused("expand-down data",
		seg_make(0, 0xFFFF, ACC_DATA_SEG(1) | ACC_EXPDOWN, 0));
	refused("base in the hole",
		seg_make(0xF8000000, 0xFFFFF, ACC_DATA_SEG(3), 0));
	refused("base at the end of the guest range",
		seg_make(SEG_END, 0xFFF, ACC_DATA_SEG(3), 0));
	refused("a ring-1 stack segment that is not flat",
		seg_make((uint32_t)buffer, 0x1F, ACC_DATA_SEG(1), 0));
}

static long update_raw(uint32_t ma_lo, uint32_t ma_hi)
{
	struct seg_desc d = seg_make(0, 0xFFF, ACC_DATA_SEG(3), 0);

	return _hypercall4(__HYPERVISOR_update_descriptor, ma_lo, ma_hi, d.lo,
			   d.hi);
}

static void bad_addresses(void)
{
	uint32_t ma = virt_to_maddr(&gdt[4]);

	check_eq(update_raw(virt_to_maddr(&other[4]), 0), -EINVAL);
	check_eq(other[4].hi, 0); /* not written */
	check_eq(update_raw(start_info->shared_info + 8 * 4, 0), -EINVAL);
	check_eq(update_raw(0x8, 0), -EINVAL);	      /* frame 0 */
	check_eq(update_raw(0x00100000, 0), -EINVAL); /* the VMM's image */
	check_eq(update_raw(virt_to_maddr(&gdt[ENTRIES]), 0), -EINVAL);
	check_eq(update_raw(virt_to_maddr(&gdt[511]), 0), -EINVAL);
	check_eq(update_raw(ma + 4, 0), -EINVAL); /* misaligned */
	check_eq(update_raw(ma + 1, 0), -EINVAL);
	check_eq(update_raw(ma, 1), -EINVAL); /* above 4 GiB */
	check_eq(limit_of(SEL(4, 3)), 0x1F);
	printf("addresses outside the GDT in use: refused\n");
}

/* A data segment register whose descriptor goes away becomes null. */
static void segment_registers(void)
{
	struct seg_desc gone = gdt[4];
	uint32_t fs, gs;

	__asm__ volatile("mov %0, %%fs" : : "r"((uint32_t)SEL(4, 3)));
	__asm__ volatile("mov %0, %%gs" : : "r"((uint32_t)SEL(5, 1)));
	gone.hi &= ~(ACC_P << 8);
	check_eq(gdt_update(gdt, 4, gone), 0);
	__asm__ volatile("mov %%fs, %0; mov %%gs, %1" : "=r"(fs), "=r"(gs));
	check_eq(fs & 0xFFFF, 0);
	check_eq(gs & 0xFFFF, SEL(5, 1)); /* still valid: kept */
	check_eq(gdt_install(gdt, 5), 0); /* entry 5 is gone too */
	__asm__ volatile("mov %%gs, %0" : "=r"(gs));
	check_eq(gs & 0xFFFF, 0);
	printf("segment registers of removed descriptors: nulled\n");
}

void test_main(void)
{
	gdt[1] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1), 1);
	gdt[4] = seg_make(0, 0xFFF, ACC_DATA_SEG(3), 0);
	check_eq(update_raw(virt_to_maddr(&gdt[4]), 0), -EINVAL); /* no GDT */
	check_eq(gdt_install(gdt, ENTRIES), 0);
	valid();
	bad_descriptors();
	bad_addresses();
	segment_registers();
	xtf_success("update_descriptor checked every change");
}
