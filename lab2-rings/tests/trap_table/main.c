/*
 * trap_table: set_trap_table (exercise 2). Each entry of a table replaces
 * the handler of its vector, the other vectors keep theirs; a table is
 * taken whole or not at all: an entry for the hypercall vector 0x82
 * (-EPERM) or a handler address in the hole (-EINVAL) anywhere in it, and
 * nothing changes. Table 0 clears every handler, the fast system-call gate
 * with them. Which handler is in force is seen by running ud2 (two
 * handlers that step over it, counting) and by reading IDT gate 0x80.
 *
 * Hostile: a vulnerable VMM lets a guest handler take over the hypercall
 * vector, bounces to an address in the hole, or applies half a table.
 */
#include <arch/x86.h>
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <vmm/segments.h>

const char test_title[] = "set_trap_table: entries, replacement, all or none";

static struct trap_info t[8];

/* Which handler ud2 reaches: 'A' (rec_skip2) or 'B' (alt_skip2). */
static char ud_handler(void)
{
	uint32_t a = rec.count, b = alt_count;

	__asm__ volatile("ud2" ::: "memory");
	if (rec.count == a + 1 && alt_count == b)
		return 'A';
	if (alt_count == b + 1 && rec.count == a)
		return 'B';
	return '?';
}

static void entry(int i, uint8_t vector, uint8_t flags, uint16_t cs,
		  void (*fn)(void))
{
	t[i] = (struct trap_info){ vector, flags, cs, (uint32_t)fn };
	t[i + 1] = (struct trap_info){ 0, 0, 0, 0 };
}

static uint16_t gate80_sel(void)
{
	struct desc_ptr idt;

	__asm__ volatile("sidt %0" : "=m"(idt));
	return (uint16_t)(((const uint32_t *)idt.base)[2 * 0x80] >> 16);
}

static void div0(void *arg)
{
	(void)arg;
	__asm__ volatile("xorl %%ecx, %%ecx; divl %%ecx"
			 :
			 :
			 : "eax", "ecx", "edx");
}

static void refused(const char *what, long want)
{
	long rc = HYPERVISOR_set_trap_table(t);

	if (rc != want)
		xtf_failure("%s: set_trap_table returned %ld, expected %ld",
			    what, rc, want);
	else if (ud_handler() != 'A')
		xtf_failure("%s: refused, but the table changed", what);
	else
		printf("%s: refused (%ld), nothing changed\n", what, rc);
}

void test_main(void)
{
	struct fault f;

	/* One entry: the test library's table stays, #UD changes. */
	check_eq(trap_set(6, 0, 0, rec_skip2), 0);
	check_eq(ud_handler(), 'A');
	check_eq(exec_fault(div0, 0, &f), 1);
	check_eq(f.vector, 0); /* still the library's handler */
	entry(0, 0x31, 1, FLAT_RING1_CS, alt_skip2);
	entry(1, 6, 0, FLAT_RING1_CS, alt_skip2);
	check_eq(HYPERVISOR_set_trap_table(t), 0);
	check_eq(ud_handler(), 'B');
	entry(0, 6, 0, FLAT_RING1_CS, rec_skip2);
	check_eq(HYPERVISOR_set_trap_table(t), 0);
	check_eq(ud_handler(), 'A');
	printf("entries replace their vectors' handlers, one by one\n");

	/* All or nothing: a bad entry after a good one. */
	entry(0, 6, 0, FLAT_RING1_CS, alt_skip2);
	entry(1, HYPERCALL_VECTOR, 1, FLAT_RING1_CS, alt_skip2);
	refused("an entry for the hypercall vector", -EPERM);
	entry(1, 7, 0, FLAT_RING1_CS, (void (*)(void))0xF0000000);
	refused("a handler at the start of the hole", -EINVAL);
	entry(1, 7, 0, FLAT_RING1_CS, (void (*)(void))0xF8100000);
	refused("a handler in the VMM", -EINVAL);
	entry(1, 7, 0, FLAT_RING1_CS, (void (*)(void))0xFFFFFFFF);
	refused("a handler at the top", -EINVAL);
	entry(1, 0x80, 3, FLAT_RING1_CS, (void (*)(void))0xF8100000);
	refused("a system call into the VMM", -EINVAL);
	check_eq(gate80_sel(), VMM_CS);

	/* Table 0: no handlers, no fast gate. */
	check_eq(trap_set(0x80, 3, 0, rec_iret), 0);
	check_eq(gate80_sel(), FLAT_RING1_CS);
	check_eq(HYPERVISOR_set_trap_table(0), 0);
	check_eq(gate80_sel(), VMM_CS);
	entry(0, 6, 0, FLAT_RING1_CS, alt_skip2);
	check_eq(HYPERVISOR_set_trap_table(t), 0);
	check_eq(ud_handler(), 'B');
	printf("table 0 cleared every handler and the fast gate\n");
	xtf_success("set_trap_table took whole tables and refused bad ones");
}
