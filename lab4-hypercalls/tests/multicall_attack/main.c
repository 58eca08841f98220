/*
 * multicall_attack (hostile): multicall's entry array and what may run
 * in it. Each entry we use allocates a port with its own struct, so we
 * see which entries ran (their struct got a port) and which results
 * were written (77 until then).
 *  - the array runs into an unmapped page after 3 entries, or an entry
 *    straddles into it: -EFAULT, the entries before done with their
 *    results written, the rest not run (also with count 0xFFFFFFFF and
 *    0x80000000); the straddling entry's readable half is not run;
 *  - the array becomes unreadable half way because an entry unmaps the
 *    page holding the later ones: -EFAULT, those not run (the VMM may
 *    read a few entries ahead: the later ones are 128 entries further);
 *    an entry unmaps the page holding itself, so that its own result
 *    cannot be written: -EFAULT;
 *  - the array on a read-only page: the first entry runs, its result
 *    cannot be written: -EFAULT;
 *  - the array in the hole, at 0xF0000000, straddling it (the readable
 *    half not run), two entries of which the second is in the hole (the
 *    first done), wrapping past 4 GiB, NULL, no L1: -EFAULT; count 0
 *    with a bad array: 0;
 *  - a multicall inside a multicall, also one that names its own array
 *    (which would recurse without end), and iret with a valid frame on
 *    our stack (it would return us elsewhere): -EINVAL in the entry,
 *    nothing of them done;
 *  - hypercall numbers 64, 0xFFFFFFFF, and 13 or 23 with high bits
 *    (0x8000000D, 0x117): -ENOSYS, never truncated to multicall or iret.
 * do=shutdown: one multicall [shutdown(poweroff), yield, console_io
 * "zombie", shutdown(crash)]: the domain is gone after the first; the
 * others must not run for a dead domain (a yield would put the dead vCPU
 * back on the run queue; the grader forbids "zombie" and "shut down
 * (crash)").
 * A vulnerable VMM recurses until its stack overflows, lets iret rewrite
 * the frame the multicall returns through, runs a half-read entry,
 * ignores a result it could not write, or acts for a dead domain.
 */
#include <lib/string.h>
#include <guest/events.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "multicall_attack: bad entry arrays and entries";

#define HOLE	0xF0000000u
#define E_SIZE	sizeof(struct multicall_entry)
#define RO_VA	(HOLE - 0x4000) /* a read-only alias of page ro */
#define P_VA	(HOLE - 0x3000) /* our page */
#define Q_VA	(HOLE - 0x2000) /* our page, or unmapped: after P */
#define EDGE_VA (HOLE - 0x1000) /* our page, touching the hole */

static uint32_t pg_p, pg_q, pg_edge, pg_ro;
static struct evtchn_alloc_unbound au[8];

static void map(uint32_t va, uint32_t val)
{
	long rc = HYPERVISOR_update_va_mapping(va, val, UVMF_INVLPG);

	if (rc) {
		xtf_error("cannot map %08x: %ld", va, rc);
		test_end();
	}
}

/* Where we write guest address va (pages P, Q, EDGE, RO: through their
 * KVA), or NULL. */
static uint8_t *w(uint32_t va)
{
	uint32_t page = va & ~0xFFFu, pfn;

	pfn = page == P_VA    ? pg_p :
	      page == Q_VA    ? pg_q :
	      page == EDGE_VA ? pg_edge :
	      page == RO_VA   ? pg_ro :
				0;
	return pfn ? (uint8_t *)KVA(pfn) + (va & 0xFFF) : 0;
}

/* Writes entry e at guest address va, as far as it lies in our pages
 * (the rest is left as it is). */
static void put(uint32_t va, struct multicall_entry e)
{
	for (unsigned k = 0; k < E_SIZE; k++) {
		uint8_t *p = w(va + k);

		if (p)
			*p = ((uint8_t *)&e)[k];
	}
}

static struct multicall_entry alloc_entry(int i)
{
	au[i] = (struct evtchn_alloc_unbound){ DOMID_SELF, DOMID_SELF, 0 };
	return (struct multicall_entry){ __HYPERVISOR_event_channel_op,
					 77,
					 { EVTCHNOP_alloc_unbound,
					   (uint32_t)&au[i] } };
}

static int ran(int i)
{
	return au[i].port != 0;
}

static int32_t result(uint32_t va)
{
	return ((struct multicall_entry *)w(va))->result;
}

/* Closes every port: each case starts with none. */
static void close_all(void)
{
	struct evtchn_status st;

	for (uint32_t p = 1; p < EVTCHN_PORTS; p++)
		if (!evtchn_status(p, &st) && st.status != EVTCHNSTAT_closed)
			check_eq(evtchn_close(p), 0);
	memset(au, 0, sizeof(au));
}

static long mc(uint32_t va, uint32_t count)
{
	return _hypercall2(__HYPERVISOR_multicall, va, count);
}

/* n alloc entries at va, then a multicall of count. */
static long run_allocs(uint32_t va, int n, uint32_t count)
{
	close_all();
	for (int i = 0; i < n; i++)
		put(va + i * E_SIZE, alloc_entry(i));
	return mc(va, count);
}

static void half_way(void)
{
	uint32_t at = Q_VA - 3 * E_SIZE;

	map(Q_VA, 0);
	check_eq(run_allocs(at, 5, 5), -EFAULT);
	check(ran(0) && ran(1) && ran(2));
	check_eq(result(at), 0);
	check_eq(result(at + 2 * E_SIZE), 0);
	check(!ran(3) && !ran(4));
	check_eq(run_allocs(at, 3, 0xFFFFFFFFu), -EFAULT);
	check(ran(0) && ran(1) && ran(2));
	check_eq(run_allocs(at, 3, 0x80000000u), -EFAULT);
	check(ran(2));
	printf("array running into an unmapped page: -EFAULT after the "
	       "readable entries\n");

	at = Q_VA - 2 * E_SIZE - E_SIZE / 2; /* entry 2 straddles into Q */
	check_eq(run_allocs(at, 3, 3), -EFAULT);
	check(ran(0) && ran(1));
	check(!ran(2));
	printf("an entry straddling into it: its readable half not run\n");

	/* Entry 0 unmaps Q; 127 xen_version entries fill P after it, and
	 * two more entries are on Q. (The VMM may read entries a few at a
	 * time, so a call sees its change only from the next read on: 128
	 * entries are more than any such chunk.) */
	map(Q_VA, ptep(pg_q, PTE_RW));
	close_all();
	put(P_VA, (struct multicall_entry){ __HYPERVISOR_update_va_mapping,
					    77,
					    { Q_VA, 0, 0, UVMF_INVLPG } });
	for (uint32_t i = 1; i < 128; i++)
		put(P_VA + i * E_SIZE,
		    (struct multicall_entry){
			    __HYPERVISOR_xen_version, 77, { XENVER_version } });
	put(Q_VA, alloc_entry(0));
	put(Q_VA + E_SIZE, alloc_entry(1));
	check_eq(mc(P_VA, 130), -EFAULT);
	check_eq(result(P_VA), 0);
	for (uint32_t i = 1; i < 128; i++)
		if (result(P_VA + i * E_SIZE) != 0x30000) {
			xtf_failure("entry %u: result %d", i,
				    result(P_VA + i * E_SIZE));
			break;
		}
	check(!ran(0) && !ran(1));

	/* Entry 0 unmaps P, its own page: its result cannot be written. */
	map(Q_VA, ptep(pg_q, PTE_RW));
	put(P_VA, (struct multicall_entry){ __HYPERVISOR_update_va_mapping,
					    77,
					    { P_VA, 0, 0, UVMF_INVLPG } });
	check_eq(mc(P_VA, 2), -EFAULT);
	map(P_VA, ptep(pg_p, PTE_RW));
	check_eq(result(P_VA), 77);
	printf("entries unmapping the array under it: -EFAULT, nothing "
	       "after run\n");

	/* Read-only: entry 0 runs, its result cannot be written. */
	check_eq(run_allocs(RO_VA + 0x100, 2, 2), -EFAULT);
	check(ran(0));
	check_eq(result(RO_VA + 0x100), 77);
	printf("read-only entries: the first runs, -EFAULT\n");
}

static void bad_arrays(void)
{
	static const uint32_t bad[] = { 0xF8000000u, HOLE, 0xFFFFFFF0u, 0,
					SCRATCH_VA };

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		check_eq(run_allocs(bad[i], 0, 1), -EFAULT);
		check_eq(mc(bad[i], 2), -EFAULT);
		check_eq(mc(bad[i], 0), 0);
	}
	check_eq(run_allocs(HOLE - E_SIZE / 2, 1, 1), -EFAULT);
	check(!ran(0));
	check_eq(run_allocs(HOLE - E_SIZE, 1, 2), -EFAULT);
	check(ran(0));
	check_eq(result(HOLE - E_SIZE), 0);
	check_eq(run_allocs(HOLE - E_SIZE, 1, 1), 0); /* ends at the hole */
	check(ran(0));
	printf("arrays in, at, across the hole, wrapping, NULL, no L1: "
	       "-EFAULT\n");
}

/* A multicall with a valid iret frame on our stack: were iret run, it
 * would return us to label 2 with the frame popped. */
static volatile uint32_t landed;

static long multicall_over_frame(struct multicall_entry *m, unsigned n)
{
	long ret = __HYPERVISOR_multicall;

	__asm__ volatile("pushl $0x202\n\t"
			 "pushl %[cs]\n\t"
			 "pushl $2f\n\t"
			 "pushl $0x5a5a5a5a\n\t"
			 "int $0x82\n\t"
			 "jmp 1f\n"
			 "2:\tmovl $1, %[landed]\n\t"
			 "subl $16, %%esp\n"
			 "1:\taddl $16, %%esp"
			 : "+a"(ret), "+b"(m), "+c"(n), [landed] "=m"(landed)
			 : [cs] "i"(FLAT_RING1_CS)
			 : "memory", "cc");
	return ret;
}

static void not_batchable(void)
{
	struct multicall_entry m[3];

	close_all();
	m[0] = (struct multicall_entry){ __HYPERVISOR_multicall,
					 77,
					 { (uint32_t)&m[0], 1 } };
	check_eq(HYPERVISOR_multicall(m, 1), 0);
	check_eq(m[0].result, -EINVAL);
	m[0] = (struct multicall_entry){ __HYPERVISOR_multicall,
					 77,
					 { (uint32_t)&m[1], 1 } };
	m[1] = alloc_entry(1);
	check_eq(HYPERVISOR_multicall(m, 1), 0);
	check_eq(m[0].result, -EINVAL);
	check(!ran(1));
	check_eq(m[1].result, 77);
	printf("multicall in a multicall (also of itself): -EINVAL\n");

	m[0] = alloc_entry(0);
	m[1] = (struct multicall_entry){ __HYPERVISOR_iret, 77, { 0 } };
	m[2] = alloc_entry(2);
	check_eq(multicall_over_frame(m, 3), 0);
	check_eq(landed, 0);
	check_eq(m[1].result, -EINVAL);
	check(ran(0) && ran(2));
	printf("iret in a multicall, over a valid frame: -EINVAL\n");

	m[0] = (struct multicall_entry){ 64, 77, { 0 } };
	m[1] = (struct multicall_entry){ 0xFFFFFFFFu, 77, { 0 } };
	m[2] = (struct multicall_entry){ 0x80000000u | __HYPERVISOR_multicall,
					 77,
					 { (uint32_t)&m[0], 1 } };
	check_eq(HYPERVISOR_multicall(m, 3), 0);
	check_eq(m[0].result, -ENOSYS);
	check_eq(m[1].result, -ENOSYS);
	check_eq(m[2].result, -ENOSYS);
	m[0] = (struct multicall_entry){ 0x100 | __HYPERVISOR_iret, 77, { 0 } };
	check_eq(multicall_over_frame(m, 1), 0);
	check_eq(m[0].result, -ENOSYS);
	check_eq(landed, 0);
	printf("hypercall numbers out of range: -ENOSYS\n");
}

static void shutdown_inside(void)
{
	static const char zombie[] = "zombie: ran after our shutdown\n";
	static struct sched_shutdown off = { SHUTDOWN_poweroff };
	static struct sched_shutdown crash = { SHUTDOWN_crash };
	struct multicall_entry m[] = {
		{ __HYPERVISOR_sched_op,
		  77,
		  { SCHEDOP_shutdown, (uint32_t)&off } },
		{ __HYPERVISOR_sched_op, 77, { SCHEDOP_yield, 0 } },
		{ __HYPERVISOR_console_io,
		  77,
		  { CONSOLEIO_write, sizeof(zombie) - 1, (uint32_t)zombie } },
		{ __HYPERVISOR_sched_op,
		  77,
		  { SCHEDOP_shutdown, (uint32_t)&crash } },
	};

	printf("shutting down inside a multicall\n");
	console_flush();
	HYPERVISOR_multicall(m, 4);
	xtf_failure("the multicall returned after our shutdown");
}

void test_main(void)
{
	char what[16] = "";
	uint32_t l1 = l1_make(0);

	test_arg("do", what, sizeof(what));
	if (!strcmp(what, "shutdown"))
		shutdown_inside();
	pg_p = page_get();
	pg_q = page_get();
	pg_edge = page_get();
	pg_ro = page_get();
	check_eq(set_entry(l2_pfn(), HOLE_SLOT - 1,
			   pte(pfn_to_mfn(l1), PTE_RW)),
		 0);
	map(P_VA, ptep(pg_p, PTE_RW));
	map(Q_VA, ptep(pg_q, PTE_RW));
	map(EDGE_VA, ptep(pg_edge, PTE_RW));
	map(RO_VA, ptep(pg_ro, PTE_RO));
	events_mask();
	half_way();
	bad_arrays();
	not_batchable();
	close_all();
	xtf_success("bad arrays -EFAULT, no nesting, no iret, no truncation");
}
