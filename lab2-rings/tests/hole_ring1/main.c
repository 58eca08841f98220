/*
 * hole_ring1: the guest kernel (ring 1, a #PF handler installed) against
 * the VMM hole [0xF0000000, 4 GiB). It may read exactly the documented
 * trampoline: the entry stubs, the IDT and TSS page, the GDT area (its
 * GDT pages 0..13 and the VMM's page 14), and the entry stack, the one
 * writable page. Every other page of the trampoline's 4 MiB and of the
 * GDT area's, and one page at each end of every other 4 MiB of the hole,
 * gives a #PF (not present) to the guest for a read and a write; every
 * read-only page a #PF (present, write) for a write; cr2 is the address.
 * What the guest can read of the VMM is unchanged afterwards.
 *
 * Hostile: a vulnerable VMM maps more of itself into the guest (its code,
 * data, other domains' frames through the direct map) or maps the
 * trampoline writable: this guest then reads or writes it and reports
 * FAILURE. A fixed VMM bounces every fault; a victim runs afterwards.
 */
#include <lib/string.h>
#include <guest/hole.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "the VMM hole from ring 1: only the trampoline";

static uint8_t before[4][4096];

static int pf(const struct fault *f, uint32_t va, uint32_t error)
{
	return f->vector == 14 && f->error == error && f->cr2 == va &&
	       (f->cs & 3) == 1;
}

/* Every page of the 4 MiB at base: readable iff documented. */
static void scan(const struct tramp *t, uint32_t base, const char *what)
{
	struct fault f;
	unsigned readable = 0, writable = 0;

	for (uint32_t va = base; va - base < 0x400000; va += 4096) {
		int doc = tramp_page(t, va);
		int r = !probe_read(va, &f);

		if (!r && !pf(&f, va, 0)) {
			xtf_failure("read %x: vector %u error %x cr2 %x", va,
				    f.vector, f.error, f.cr2);
			continue;
		}
		if (r != (doc != 0)) {
			xtf_failure("%x: %s, but it is %s", va,
				    r ? "readable" : "not readable",
				    doc ? "documented" : "not documented");
			continue;
		}
		readable += r;
		if (!probe_write(va, &f)) {
			writable++;
			if (doc != 2)
				xtf_failure("%x: writable from ring 1", va);
		} else if (!pf(&f, va, r ? 3 : 2)) {
			xtf_failure("write %x: vector %u error %x cr2 %x", va,
				    f.vector, f.error, f.cr2);
		} else if (doc == 2) {
			xtf_failure("%x: the entry stack is not writable", va);
		}
	}
	printf("%s %x: %u pages readable, %u writable\n", what, base, readable,
	       writable);
}

/* The machine-to-physical table (lab 3 on): its slot is then mapped,
 * read-only. */
static int m2p_mapped(void)
{
	return ((const uint32_t *)start_info->pt_base)[HOLE_START_VA >> 22] & 1;
}

static void scan_m2p(void)
{
	struct fault f;

	for (uint32_t va = HOLE_START_VA; va < HOLE_START_VA + 0x1000;
	     va += 0x400) {
		if (probe_read(va, &f))
			xtf_failure("M2P %x: not readable", va);
		if (!probe_write(va, &f) || !pf(&f, va, 3))
			xtf_failure("M2P %x: writable", va);
	}
	printf("M2P slot %x: readable, read-only\n", HOLE_START_VA);
}

void test_main(void)
{
	struct tramp t;
	struct fault f;
	uint32_t keep[4] = { 0 };
	unsigned n = 0;

	probe_read(0xC0000000, &f); /* installs the test's trap table */
	tramp_find(&t);
	printf("trampoline: stubs %x-%x, IDT %x, TSS %x, entry stack %x\n",
	       t.text_first, t.text_last + 0xFFF, t.idt, t.tss, t.stack);
	for (uint32_t va = t.text_first; va <= t.idt && n < 4; va += 4096)
		if (tramp_page(&t, va) == 1) {
			keep[n] = va;
			memcpy(before[n++], (const void *)va, 4096);
		}

	scan(&t, t.text_first & ~0x3FFFFFu, "trampoline slot");
	scan(&t, GDT_AREA, "GDT area slot");
	for (uint32_t slot = HOLE_START_VA; slot; slot += 0x400000) {
		if (slot == (t.text_first & ~0x3FFFFFu) || slot == GDT_AREA)
			continue;
		if (slot == HOLE_START_VA && m2p_mapped()) {
			scan_m2p();
			continue;
		}
		for (uint32_t va = slot; va - slot < 0x400000; va += 0x3FF000) {
			if (!probe_read(va, &f) || !pf(&f, va, 0))
				xtf_failure("read %x: no #PF (not present)",
					    va);
			if (!probe_write(va, &f) || !pf(&f, va, 2))
				xtf_failure("write %x: no #PF (not present)",
					    va);
		}
	}
	if (!probe_write(0xFFFFFFFC, &f) || !pf(&f, 0xFFFFFFFC, 2))
		xtf_failure("write at the top of memory: no #PF");
	printf("the rest of the hole: not present, #PF for each access\n");
	for (unsigned i = 0; i < n; i++)
		if (memcmp(before[i], (const void *)keep[i], 4096))
			xtf_failure("trampoline page %x changed", keep[i]);
	xtf_success("ring 1 saw only the documented trampoline");
}
