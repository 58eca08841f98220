/*
 * trap_table_ring0: a trap handler must run in ring 1, so set_trap_table
 * takes only a ring-1 code selector (check_code_selector): RPL 1, a
 * present, non-conforming code descriptor of DPL 1. The VMM's code
 * segment 0xe008 (with RPL 0, 1 or 3), its data segment and TSS, the null
 * selector, the flat ring-1 code segment with RPL 0 or 3, the ring-1 data
 * segment, the ring-3 code segment (even with RPL 1), a selector in the
 * LDT, a GDT entry the guest has not set up, the VMM's reserved entries:
 * all -EPERM, and the table stays as it was (ud2 still reaches the old
 * handler; IDT gate 0x80 stays the VMM's). A guest GDT entry of DPL 0
 * cannot exist (gdt_descriptors); guest entries of other kinds are in
 * gdt_selectors.
 *
 * Hostile: a vulnerable VMM bounces an exception to cs 0xe008, running
 * guest code in ring 0, or makes a DPL-3 IDT gate into ring 0. A VMM
 * that accepts a selector its iret then refuses crashes itself.
 */
#include <arch/x86.h>
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <vmm/segments.h>

const char test_title[] =
	"set_trap_table refuses every non-ring-1 code selector";

static uint16_t gate80_sel(void)
{
	struct desc_ptr idt;

	__asm__ volatile("sidt %0" : "=m"(idt));
	return (uint16_t)(((const uint32_t *)idt.base)[2 * 0x80] >> 16);
}

static void refused(uint16_t cs, const char *what)
{
	struct trap_info t[] = {
		{ 0x31, 1, FLAT_RING1_CS, (uint32_t)alt_skip2 }, /* valid */
		{ 6, 0, cs, (uint32_t)alt_skip2 },
		{ 0, 0, 0, 0 },
	};
	struct trap_info fast[] = {
		{ 0x80, 3, cs, (uint32_t)rec_iret },
		{ 0, 0, 0, 0 },
	};
	uint32_t a = rec.count, b = alt_count;
	long rc = HYPERVISOR_set_trap_table(t);

	if (rc != -EPERM)
		xtf_failure("cs %x (%s): set_trap_table returned %ld", cs, what,
			    rc);
	rc = HYPERVISOR_set_trap_table(fast);
	if (rc != -EPERM)
		xtf_failure("cs %x (%s) for int $0x80: set_trap_table "
			    "returned %ld",
			    cs, what, rc);
	__asm__ volatile("ud2" ::: "memory");
	if (rec.count != a + 1 || alt_count != b)
		xtf_failure("cs %x (%s): the #UD handler changed", cs, what);
	else if (gate80_sel() != VMM_CS)
		xtf_failure("cs %x (%s): IDT gate 0x80 has selector %x", cs,
			    what, gate80_sel());
	else
		printf("cs %04x (%s): -EPERM, nothing changed\n", cs, what);
}

void test_main(void)
{
	check_eq(trap_set(6, 0, 0, rec_skip2), 0);
	refused(0xe008, "the VMM's code");
	refused(0xe009, "the VMM's code, RPL 1");
	refused(0xe00b, "the VMM's code, RPL 3");
	refused(0xe010, "the VMM's data");
	refused(0xe011, "the VMM's data, RPL 1");
	refused(0xe041, "the TSS, RPL 1");
	refused(0x0000, "null");
	refused(0x0001, "null, RPL 1");
	refused(0xe018, "ring-1 code, RPL 0");
	refused(0xe01b, "ring-1 code, RPL 3");
	refused(0xe01d, "ring-1 code's index in the LDT");
	refused(0xe021, "ring-1 data");
	refused(0xe029, "ring-3 code, RPL 1");
	refused(0xe02b, "ring-3 code");
	refused(0xe031, "ring-3 data, RPL 1");
	refused(0x0009, "guest GDT entry 1, none set up");
	refused(0xe049, "a reserved VMM entry");
	refused(0xfff9, "the last GDT entry");
	xtf_success("only ring-1 code selectors were taken");
}
