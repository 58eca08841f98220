/*
 * hole_ring3: a guest user process (ring 3) against the VMM hole. Nothing
 * there has the user bit, not even the trampoline the guest kernel may
 * read: every read and every write of the documented trampoline pages
 * (entry code, IDT and TSS, GDT area, entry stack) and of one page at each
 * end of every 4 MiB of the hole gives the guest kernel a #PF with the
 * user bit (present for the trampoline, not present elsewhere), cr2 the
 * address; the VMM's pages are unchanged.
 *
 * Hostile: a vulnerable VMM maps the hole (or the trampoline) with the
 * user bit: ring 3 reads the VMM or the IDT, or writes the entry stack
 * under the VMM's feet. A fixed VMM bounces every fault to the guest
 * kernel; a victim runs afterwards.
 */
#include <lib/string.h>
#include <guest/handlers.h>
#include <guest/hole.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "the VMM hole from ring 3: nothing at all";

static uint8_t idt_before[4096];

static void expect_pf(uint32_t va, int write, uint32_t error)
{
	struct fault f;
	int faulted =
		exec_user_at(write ? user_write_arg : user_read_arg, va, &f);

	if (!faulted)
		xtf_failure("ring 3 %s %x", write ? "wrote" : "read", va);
	else if (f.vector != 14 || f.error != error || f.cr2 != va ||
		 (f.cs & 3) != 3)
		xtf_failure("ring 3 %s %x: vector %u error %x cr2 %x ring %u, "
			    "expected #PF %x",
			    write ? "write" : "read", va, f.vector, f.error,
			    f.cr2, f.cs & 3, error);
}

void test_main(void)
{
	struct tramp t;
	struct fault f;
	unsigned n = 0;

	exec_user_at(user_read_arg, 0x08000000, &f); /* installs the table */
	tramp_find(&t);
	memcpy(idt_before, (const void *)t.idt, 4096);
	for (uint32_t va = t.text_first & ~0x3FFFFFu;
	     va - (t.text_first & ~0x3FFFFFu) < 0x400000; va += 4096)
		if (tramp_page(&t, va)) {
			expect_pf(va, 0, 5);
			expect_pf(va + 0x10, 1, 7);
			n++;
		}
	for (uint32_t va = GDT_AREA; va < GDT_AREA + GDT_AREA_PAGES * 4096;
	     va += 4096) {
		expect_pf(va, 0, 5);
		expect_pf(va + 8, 1, 7);
		n++;
	}
	printf("%u trampoline pages: #PF (present, user) for ring 3\n", n);
	for (uint32_t slot = HOLE_START_VA; slot; slot += 0x400000) {
		if (slot == (t.text_first & ~0x3FFFFFu) || slot == GDT_AREA)
			continue;
		/* The M2P (lab 3 on) is mapped from its start: supervisor. */
		if (slot == HOLE_START_VA &&
		    (((const uint32_t *)start_info->pt_base)[slot >> 22] & 1)) {
			expect_pf(slot, 0, 5);
			expect_pf(slot, 1, 7);
		} else {
			expect_pf(slot, 0, 4);
		}
		expect_pf(slot + 0x3FFFFC, 1, 6);
	}
	printf("the rest of the hole: #PF (not present, user)\n");
	if (memcmp(idt_before, (const void *)t.idt, 4096))
		xtf_failure("the IDT page changed");
	xtf_success("ring 3 could touch nothing in the hole");
}
