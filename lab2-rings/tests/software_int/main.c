/*
 * software_int: int n from the guest (exercise 5, software_interrupt).
 * Every IDT gate but the hypercall gate (DPL 1), int3/into (DPL 3) and
 * the fast system-call gate is DPL 0, so int n traps to the VMM as a #GP
 * with error code (n << 3) | 2. The VMM then looks at the guest's trap
 * table: if the entry's DPL allows the ring that raised it, the handler
 * runs with the return address past the two-byte instruction and no error
 * code; otherwise the guest gets that #GP, at the int n. From ring 1 and
 * ring 3: allowed vectors, vectors of too low a DPL, vectors without a
 * handler, int $14 (not a way to fake a page fault), and from ring 3 the
 * hypercall gate int $0x82, refused the same way. int3, int $3 and into
 * raise #BP and #OF directly, from ring 3 too, returning past themselves.
 *
 * Hostile: a vulnerable VMM lets ring 3 raise any vector (a page fault
 * without error code, the guest kernel's private entry points), or make
 * hypercalls.
 */
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] =
	"int n: the trap table's DPL decides, from ring 1 and 3";

#define K(name) extern char name[], name##_end[]
K(k_int40);
K(k_int41);
K(k_int42);
K(k_int14);
K(k_int80);
K(k_intff);
K(u_int40);
K(u_int41);
K(u_int42);
K(u_int43);
K(u_int14);
K(u_int80);
K(u_int82);
K(u_int3);
K(u_int_3);
K(u_intff);
K(u_into_of);

#define GP_INT(n) (((n) << 3) | 2)

static void kernel_allowed(const char *what, char *fn, char *end, int ring)
{
	struct fault f;
	uint32_t before = rec.count;

	if (exec_fault((void (*)(void *))fn, 0, &f))
		xtf_failure("%s: vector %u error %x instead of the handler",
			    what, f.vector, f.error);
	else if (rec.count != before + 1)
		xtf_failure("%s: the handler did not run", what);
	else if (rec.eip != (uint32_t)end || (rec.cs & 3) != (uint32_t)ring)
		xtf_failure("%s: handler saw eip %x cs %x, expected %x ring %d",
			    what, rec.eip, rec.cs, (uint32_t)end, ring);
	else
		printf("%s: handler ran, returns to %x\n", what, rec.eip);
}

static void kernel_refused(const char *what, char *fn, unsigned n)
{
	struct fault f;
	uint32_t before = rec.count;

	if (!exec_fault((void (*)(void *))fn, 0, &f))
		xtf_failure("%s: no #GP", what);
	else if (f.vector != 13 || f.error != GP_INT(n) ||
		 f.eip != (uint32_t)fn || (f.cs & 3) != 1)
		xtf_failure("%s: vector %u error %x eip %x, expected #GP %x "
			    "at %x",
			    what, f.vector, f.error, f.eip, GP_INT(n),
			    (uint32_t)fn);
	else
		printf("%s: #GP error %x\n", what, f.error);
	check_eq(rec.count, before);
}

static void user_allowed(const char *what, char *fn, char *end)
{
	struct fault f;
	uint32_t before = rec.count;

	if (exec_user((void (*)(void))fn, &f))
		xtf_failure("%s: vector %u error %x instead of the handler",
			    what, f.vector, f.error);
	else if (rec.count != before + 1)
		xtf_failure("%s: the handler did not run", what);
	else if (rec.eip != user_addr(end) || rec.cs != FLAT_RING3_CS ||
		 rec.ss != FLAT_RING3_SS || rec.h_cs != FLAT_RING1_CS)
		xtf_failure("%s: handler in %x saw eip %x cs %x ss %x, "
			    "expected %x %x %x",
			    what, rec.h_cs, rec.eip, rec.cs, rec.ss,
			    user_addr(end), FLAT_RING3_CS, FLAT_RING3_SS);
	else
		printf("%s: handler ran in ring 1, returns to %x\n", what,
		       rec.eip);
}

static void user_fault(const char *what, char *fn, uint32_t eip,
		       uint32_t vector, uint32_t error)
{
	struct fault f;

	if (!exec_user((void (*)(void))fn, &f))
		xtf_failure("%s: no exception", what);
	else if (f.vector != vector || f.error != error || f.eip != eip ||
		 f.cs != FLAT_RING3_CS)
		xtf_failure("%s: vector %u error %x eip %x cs %x, expected %u "
			    "%x %x",
			    what, f.vector, f.error, f.eip, f.cs, vector, error,
			    eip);
	else
		printf("%s: vector %u error %x at %x\n", what, f.vector,
		       f.error, f.eip);
}

static void user_refused(const char *what, char *fn, unsigned n)
{
	uint32_t before = rec.count;

	user_fault(what, fn, user_addr(fn), 13, GP_INT(n));
	check_eq(rec.count, before);
}

void test_main(void)
{
	check_eq(trap_set(0x40, 1, 0, rec_iret), 0);
	check_eq(trap_set(0x41, 0, 0, rec_iret), 0);
	check_eq(trap_set(0x43, 3, 0, rec_iret), 0);
	check_eq(trap_set(0xff, 2, 0, rec_iret), 0);

	kernel_allowed("ring 1, int $0x40 (DPL 1)", k_int40, k_int40_end, 1);
	kernel_refused("ring 1, int $0x41 (DPL 0)", k_int41, 0x41);
	kernel_refused("ring 1, int $0x42 (no handler)", k_int42, 0x42);
	kernel_refused("ring 1, int $14 (#PF, DPL 0)", k_int14, 14);
	kernel_refused("ring 1, int $0x80 (no handler)", k_int80, 0x80);
	kernel_allowed("ring 1, int $0xff (DPL 2)", k_intff, k_intff_end, 1);

	user_allowed("ring 3, int $0x43 (DPL 3)", u_int43, u_int43_end);
	user_refused("ring 3, int $0x40 (DPL 1)", u_int40, 0x40);
	user_refused("ring 3, int $0x41 (DPL 0)", u_int41, 0x41);
	user_refused("ring 3, int $0x42 (no handler)", u_int42, 0x42);
	user_refused("ring 3, int $0xff (DPL 2)", u_intff, 0xff);
	user_refused("ring 3, int $14 (#PF, DPL 0)", u_int14, 14);
	user_refused("ring 3, int $0x80 (no handler)", u_int80, 0x80);
	user_refused("ring 3, int $0x82 (the hypercall gate)", u_int82, 0x82);

	/* Breakpoint and overflow: their own vectors, from ring 3 too. */
	user_fault("ring 3, int3", u_int3, user_addr(u_int3_end), 3, 0);
	user_fault("ring 3, int $3", u_int_3, user_addr(u_int_3_end), 3, 0);
	user_fault("ring 3, into with OF", u_into_of, user_addr(u_into_of_end),
		   4, 0);
	xtf_success("every int n went where its DPL says");
}
