/*
 * hc_pointers (hostile): the guest pointers of lab 4's hypercalls, bad in
 * every way a guest can make one bad.
 *
 * event_channel_op, each command (alloc_unbound, bind_interdomain,
 * bind_virq, close, send, status, unmask) with its struct at
 *   - 0xF8000000, and 0xF0000000 (the M2P: we may read it, but the VMM
 *     must not read the hole on our behalf);
 *   - 0xF0000000 - 2: its first bytes on our page just below the hole,
 *     the rest in the hole;
 *   - 0xFFFFFFFE: wrapping past 4 GiB onto our page 0 (mapped for this);
 *   - an address with no L1, a not-present page in a present L1, and
 *     straddling a mapped and an unmapped page either way;
 *   - 0 (NULL);
 * must return -EFAULT and change nothing: every port's status, the
 * pending and mask bits. The same struct ending exactly at 0xF0000000
 * works (the bound is not off by one). The commands that write an OUT
 * field (alloc_unbound, the binds, status) given a read-only page, or
 * our own L2 page table: -EFAULT and nothing written; those that only
 * read their struct (close, send, unmask) work from a read-only page.
 * Unknown commands: -ENOSYS whatever the pointer.
 * set_callbacks: an event or failsafe address in the hole (0xF0000000,
 * 0xF8000000, 0xFFFFFFFF): -EINVAL; a selector that is not a ring-1 code
 * segment (ring 0, RPL 2, ring 3, data, the VMM's own, null, above
 * 0xFFFF): -EPERM; either way the callback we had stays (the next event
 * still reaches it), also when only the failsafe half was bad.
 *
 * A vulnerable VMM dereferences the pointer itself (VMM FAULT), checks
 * one end of the range only, reads or writes the hole for us, or writes
 * through a read-only mapping; this guest reports FAILURE, or the VMM
 * faults. The victim booted next checks its frames.
 *
 * Command line: strict=1 also checks that a command whose OUT field
 * cannot be written leaves no port behind (the kit checks that the
 * struct is writable before it acts; Xen makes the port and keeps it:
 * "cleaning up here would be a mess"). Without strict=1 that is a NOTE
 * line, and the port must be one of ours that close frees. The grader
 * runs it with strict=1.
 */
#include <lib/string.h>
#include <guest/edges.h>
#include <guest/events.h>
#include <guest/pt.h>
#include <guest/test.h>
#include <vmm/segments.h>

const char test_title[] = "hc_pointers: bad pointers to lab 4's hypercalls";

/* EDGE_VA, GAP_VA, LOW_VA: guest/edges.h. */
#define RO_VA	 (HOLE - 0x4000) /* a read-only alias of page ro */
#define NO_L1_VA SCRATCH_VA	 /* no L1 at all */

static uint32_t ro; /* pfn */
static struct edges e;
static int strict;

/* ---- the ports we work on ---- */
static int offered, closeme, loop_a, loop_b, masked;

struct snap {
	struct evtchn_status st[EVTCHN_PORTS];
	uint32_t pending[EVTCHN_PORTS / 32], mask[EVTCHN_PORTS / 32];
};
static struct snap s0, s1;

static void snap_take(struct snap *s)
{
	struct shared_info *si = shared_info();

	memset(s, 0, sizeof(*s));
	for (uint32_t p = 0; p < EVTCHN_PORTS; p++)
		if (evtchn_status(p, &s->st[p]))
			xtf_error("status of port %u refused", p);
	for (unsigned w = 0; w < EVTCHN_PORTS / 32; w++) {
		s->pending[w] = si->evtchn_pending[w];
		s->mask[w] = si->evtchn_mask[w];
	}
}

/* The first port whose state differs between a and b, -1 for a pending
 * or mask bit, 0 if none. */
static int snap_diff(const struct snap *a, const struct snap *b)
{
	for (int p = 0; p < EVTCHN_PORTS; p++)
		if (memcmp(&a->st[p], &b->st[p], sizeof(a->st[p])))
			return p ? p : 1000;
	if (memcmp(a->pending, b->pending, sizeof(a->pending)) ||
	    memcmp(a->mask, b->mask, sizeof(a->mask)))
		return -1;
	return 0;
}

/* ---- the commands, each with a struct it accepts ---- */
struct op {
	const char *name;
	int cmd;
	uint32_t size;
	int out;			 /* writes an OUT field */
	void (*fill)(void *buf);	 /* a struct the command accepts */
	void (*undo)(const void *buf);	 /* after it worked */
	void (*verify)(const void *buf); /* that it worked */
};

static void fill_alloc(void *b)
{
	*(struct evtchn_alloc_unbound *)b =
		(struct evtchn_alloc_unbound){ DOMID_SELF, DOMID_SELF, 0 };
}

static void undo_alloc(const void *b)
{
	check_eq(evtchn_close(((const struct evtchn_alloc_unbound *)b)->port),
		 0);
}

static void fill_bind(void *b)
{
	*(struct evtchn_bind_interdomain *)b =
		(struct evtchn_bind_interdomain){ DOMID_SELF, (uint32_t)offered,
						  0 };
}

static void undo_bind(const void *b)
{
	const struct evtchn_bind_interdomain *a = b;

	check_eq(evtchn_close(a->local_port), 0); /* offered is unbound again */
}

static void fill_virq(void *b)
{
	*(struct evtchn_bind_virq *)b =
		(struct evtchn_bind_virq){ VIRQ_DEBUG, 0, 0 };
}

static void undo_virq(const void *b)
{
	check_eq(evtchn_close(((const struct evtchn_bind_virq *)b)->port), 0);
}

static void fill_close(void *b)
{
	*(struct evtchn_close *)b = (struct evtchn_close){ (uint32_t)closeme };
}

static void undo_close(const void *b)
{
	(void)b;
	closeme = evtchn_alloc_unbound(DOMID_SELF);
	check(closeme > 0);
}

static void check_close(const void *b)
{
	struct evtchn_status st;

	check_eq(evtchn_status(((const struct evtchn_close *)b)->port, &st), 0);
	check_eq(st.status, EVTCHNSTAT_closed);
}

static void fill_send(void *b)
{
	*(struct evtchn_send *)b = (struct evtchn_send){ (uint32_t)loop_a };
}

static void check_send(const void *b)
{
	(void)b;
	check(evtchn_is_pending((uint32_t)loop_b));
}

static void undo_send(const void *b)
{
	(void)b;
	__atomic_and_fetch(&shared_info()->evtchn_pending[loop_b / 32],
			   ~(1u << (loop_b % 32)), __ATOMIC_SEQ_CST);
	vcpu0()->evtchn_pending_sel = 0;
	vcpu0()->evtchn_upcall_pending = 0;
}

static void fill_status(void *b)
{
	struct evtchn_status *s = b;

	memset(s, 0, sizeof(*s));
	s->dom = DOMID_SELF;
	s->port = (uint32_t)loop_a;
}

static void check_status(const void *b)
{
	const struct evtchn_status *s = b;

	check_eq(s->status, EVTCHNSTAT_interdomain);
	check_eq(s->u.interdomain.port, (uint32_t)loop_b);
}

static void fill_unmask(void *b)
{
	*(struct evtchn_unmask *)b = (struct evtchn_unmask){ (uint32_t)masked };
}

static void check_unmask(const void *b)
{
	(void)b;
	check(!(shared_info()->evtchn_mask[masked / 32] &
		(1u << (masked % 32))));
}

static void undo_unmask(const void *b)
{
	(void)b;
	evtchn_mask_port((uint32_t)masked, 1);
}

static const struct op ops[] = {
	{ "alloc_unbound", EVTCHNOP_alloc_unbound, 8, 1, fill_alloc, undo_alloc,
	  0 },
	{ "bind_interdomain", EVTCHNOP_bind_interdomain, 12, 1, fill_bind,
	  undo_bind, 0 },
	{ "bind_virq", EVTCHNOP_bind_virq, 12, 1, fill_virq, undo_virq, 0 },
	{ "close", EVTCHNOP_close, 4, 0, fill_close, undo_close, check_close },
	{ "send", EVTCHNOP_send, 4, 0, fill_send, undo_send, check_send },
	{ "status", EVTCHNOP_status, 24, 1, fill_status, 0, check_status },
	{ "unmask", EVTCHNOP_unmask, 4, 0, fill_unmask, undo_unmask,
	  check_unmask },
};

/* ---- placing a struct at an address ---- */

/* Where we can write the byte at guest address a (through our own
 * writable mappings of the pages behind it), or NULL. */
static uint8_t *alias(uint32_t a, int zero_mapped)
{
	uint32_t off = a & 0xFFF, page = a & ~0xFFFu;

	if (page == EDGE_VA)
		return (uint8_t *)KVA(e.edge) + off;
	if (page == LOW_VA)
		return (uint8_t *)KVA(e.low) + off;
	if (page == RO_VA)
		return (uint8_t *)KVA(ro) + off;
	if (page == 0 && zero_mapped)
		return (uint8_t *)KVA(e.zero) + off;
	return 0;
}

/* Writes o's accepted struct at va, as much of it as lies in our pages. */
static void place(const struct op *o, uint32_t va, int zero_mapped)
{
	uint8_t buf[32];

	o->fill(buf);
	for (uint32_t i = 0; i < o->size; i++) {
		uint8_t *p = alias(va + i, zero_mapped);

		if (p)
			*p = buf[i];
	}
}

static void read_back(const struct op *o, uint32_t va, void *buf)
{
	for (uint32_t i = 0; i < o->size; i++)
		((uint8_t *)buf)[i] = *alias(va + i, 0);
}

static long call(const struct op *o, uint32_t va)
{
	return HYPERVISOR_event_channel_op(o->cmd, (void *)va);
}

/* o at va, which it cannot use: -EFAULT, nothing changed. */
static void bad(const struct op *o, uint32_t va, const char *where)
{
	long rc;
	int d;

	place(o, va, 0);
	snap_take(&s0);
	rc = call(o, va);
	snap_take(&s1);
	if (rc != -EFAULT)
		xtf_failure("%s at %08x (%s): %ld, not -EFAULT", o->name, va,
			    where, rc);
	d = snap_diff(&s0, &s1);
	if (d)
		xtf_failure("%s at %08x (%s): port %d changed", o->name, va,
			    where, d);
}

/* o at va, which is fine: it works. */
static void good(const struct op *o, uint32_t va)
{
	uint8_t buf[32];
	long rc;

	place(o, va, 0);
	rc = call(o, va);
	if (rc) {
		xtf_failure("%s at %08x: %ld, should work", o->name, va, rc);
		return;
	}
	read_back(o, va, buf);
	if (o->verify)
		o->verify(buf);
	if (o->undo)
		o->undo(buf);
}

/* After a command that made a port it could not tell us of: closes the
 * ports that were free in s0 (closing a bound end offers its peer to us
 * again); then everything must be as in s0 - nothing but our own new
 * ports had changed. */
static void close_new_ports(const char *name)
{
	for (uint32_t p = 1; p < EVTCHN_PORTS; p++)
		if (s0.st[p].status == EVTCHNSTAT_closed &&
		    s1.st[p].status != EVTCHNSTAT_closed)
			check_eq(evtchn_close(p), 0);
	snap_take(&s1);
	if (snap_diff(&s0, &s1))
		xtf_failure("%s: a change beyond a new port of ours (port %d)",
			    name, snap_diff(&s0, &s1));
}

/* An OUT-writing command whose struct we can read but not write. */
static void readonly_out(const struct op *o)
{
	uint32_t va = RO_VA + 0x100;
	long rc;
	int d;

	place(o, va, 0);
	snap_take(&s0);
	rc = call(o, va);
	snap_take(&s1);
	if (rc != -EFAULT)
		xtf_failure("%s with a read-only OUT field: %ld, not -EFAULT",
			    o->name, rc);
	d = snap_diff(&s0, &s1);
	if (!d)
		return;
	if (strict) {
		xtf_failure("%s with a read-only OUT field: -EFAULT, but port "
			    "%d changed",
			    o->name, d);
		return;
	}
	/* The kit follows Xen here (whose comment says "cleaning up here
	 * would be a mess"): the port was made and stays ours. It must be
	 * a port of our own that close frees. */
	printf("NOTE: %s with a read-only OUT field: -EFAULT, port %d left "
	       "allocated (strict=1 fails this)\n",
	       o->name, d);
	close_new_ports(o->name);
}

/* An IN-only command (close, send, unmask) whose struct is on a
 * read-only page: reading it is all it needs. */
static void readonly_in(const struct op *o)
{
	uint32_t va = RO_VA + 0x200;
	uint8_t buf[32];
	long rc;

	place(o, va, 0);
	rc = call(o, va);
	read_back(o, va, buf);
	if (rc) {
		xtf_failure("%s from a read-only page: %ld, should work",
			    o->name, rc);
		return;
	}
	o->verify(buf);
	o->undo(buf);
}

/* Our L2 as the struct of an OUT-writing command: whatever the command
 * makes of its entries, nothing is written into the table. */
static void into_l2(const struct op *o)
{
	uint32_t va = start_info->pt_base + (SCRATCH_SLOT + 4) * 4;
	uint32_t before[8];
	long rc;
	int d;

	memcpy(before, (const void *)va, sizeof(before));
	snap_take(&s0);
	rc = call(o, va);
	snap_take(&s1);
	check(rc < 0);
	check(!memcmp(before, (const void *)va, sizeof(before)));
	d = snap_diff(&s0, &s1);
	if (d && strict)
		xtf_failure("%s into our L2: port %d changed", o->name, d);
	else if (d)
		close_new_ports(o->name); /* as readonly_out */
}

static void setup(void)
{
	edges_map(&e);
	ro = page_get();
	map_page(RO_VA, ptep(ro, PTE_RO));

	loop_a = evtchn_alloc_unbound(DOMID_SELF);
	loop_b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)loop_a);
	offered = evtchn_alloc_unbound(DOMID_SELF);
	closeme = evtchn_alloc_unbound(DOMID_SELF);
	masked = evtchn_alloc_unbound(DOMID_SELF);
	check(loop_a > 0 && loop_b > 0 && offered > 0 && closeme > 0 &&
	      masked > 0);
	evtchn_mask_port((uint32_t)masked, 1);
}

static void evtchn_pointers(void)
{
	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		const struct op *o = &ops[i];

		bad(o, 0xF8000000u, "hole");
		bad(o, HOLE, "M2P");
		bad(o, HOLE - 2, "straddling the hole");
		bad(o, NO_L1_VA, "no L1");
		bad(o, GAP_VA + 0x10, "not present");
		bad(o, GAP_VA - 2, "running into a gap");
		bad(o, EDGE_VA - 2, "starting in a gap");
		bad(o, 0, "NULL");
		/* Wrapping: the tail would land on our page 0. */
		map_page(0, ptep(e.zero, PTE_RW));
		place(o, 0xFFFFFFFEu, 1);
		snap_take(&s0);
		check_eq(call(o, 0xFFFFFFFEu), -EFAULT);
		snap_take(&s1);
		check_eq(snap_diff(&s0, &s1), 0);
		map_page(0, 0);

		good(o, HOLE - o->size);
		good(o, GAP_VA - o->size);
		if (o->out) {
			readonly_out(o);
			into_l2(o);
		} else {
			readonly_in(o);
		}
		printf("%s: bad pointers -EFAULT, nothing changed\n", o->name);
	}
	/* Unknown commands read nothing. */
	for (int cmd = 0; cmd < 16; cmd++) {
		if (cmd == EVTCHNOP_bind_interdomain ||
		    cmd == EVTCHNOP_bind_virq || cmd == EVTCHNOP_close ||
		    cmd == EVTCHNOP_send || cmd == EVTCHNOP_status ||
		    cmd == EVTCHNOP_alloc_unbound || cmd == EVTCHNOP_unmask)
			continue;
		check_eq(HYPERVISOR_event_channel_op(cmd, (void *)0xF8000000u),
			 -ENOSYS);
	}
	check_eq(HYPERVISOR_event_channel_op(-1, (void *)0xF8000000u), -ENOSYS);
	printf("unknown commands: -ENOSYS\n");
}

/* ---- set_callbacks ---- */

static volatile uint32_t main_hits, alt_hits;

static void on_event(uint32_t port)
{
	(void)port;
	main_hits++;
}

/* A second callback: counts, then handles the events as the library's. */
void alt_entry(void);
void alt_handler(void);
void do_upcall(void);
void alt_handler(void)
{
	alt_hits++;
	do_upcall();
}
__asm__(".text\n"
	"alt_entry:\n\t"
	"pushal\n\t"
	"call alt_handler\n\t"
	"popal\n\t"
	"pushl %eax\n\t"
	"movl $23, %eax\n\t" /* __HYPERVISOR_iret */
	"int $0x82\n\t"
	"ud2");

/* Refused; our callback (upcall_entry) still takes the next event. */
static void refused(uint32_t ecs, uint32_t eeip, uint32_t fcs, uint32_t feip,
		    long want)
{
	uint32_t m = main_hits, a = alt_hits;
	long rc = HYPERVISOR_set_callbacks(ecs, eeip, fcs, feip);

	if (rc != want)
		xtf_failure("set_callbacks(%x, %x, %x, %x): %ld, not %ld", ecs,
			    eeip, fcs, feip, rc, want);
	if (rc)
		check_eq(evtchn_send((uint32_t)loop_a), 0);
	if (rc && (main_hits != m + 1 || alt_hits != a))
		xtf_failure("set_callbacks(%x, %x, %x, %x) refused, but the "
			    "next event went elsewhere",
			    ecs, eeip, fcs, feip);
}

static void callbacks(void)
{
	uint32_t alt = (uint32_t)alt_entry;

	undo_send(0);
	check_eq(events_init(on_event), 0);
	events_unmask();
	check_eq(evtchn_send((uint32_t)loop_a), 0);
	check_eq(main_hits, 1);

	refused(FLAT_RING1_CS, HOLE, 0, 0, -EINVAL);
	refused(FLAT_RING1_CS, 0xF8000000u, 0, 0, -EINVAL);
	refused(FLAT_RING1_CS, 0xFFFFFFFFu, 0, 0, -EINVAL);
	refused(FLAT_RING1_CS, alt, FLAT_RING1_CS, HOLE, -EINVAL);
	refused(FLAT_RING1_CS, alt, FLAT_RING1_CS, 0xFFFFF000u, -EINVAL);
	refused(FLAT_RING1_CS & ~3u, alt, 0, 0, -EPERM); /* ring 0 */
	refused(FLAT_RING1_CS | 2, alt, 0, 0, -EPERM);	 /* RPL 2 */
	refused(FLAT_RING3_CS, alt, 0, 0, -EPERM);
	refused(FLAT_RING1_DS, alt, 0, 0, -EPERM);
	refused(VMM_CS | 1, alt, 0, 0, -EPERM);
	refused(VMM_CS, alt, 0, 0, -EPERM);
	refused(VMM_TSS | 1, alt, 0, 0, -EPERM);
	refused(0, alt, 0, 0, -EPERM);
	refused(0x10000 | FLAT_RING1_CS, alt, 0, 0, -EPERM);
	refused(FLAT_RING1_CS, alt, FLAT_RING3_CS, alt, -EPERM);
	refused(FLAT_RING1_CS, alt, 0x10000 | FLAT_RING1_CS, alt, -EPERM);
	refused(FLAT_RING1_CS, alt, VMM_CS | 1, alt, -EPERM);
	printf("set_callbacks: hole addresses -EINVAL, selectors -EPERM, "
	       "our callback kept\n");

	/* The last address below the hole is the guest's business. */
	events_mask();
	check_eq(HYPERVISOR_set_callbacks(FLAT_RING1_CS, HOLE - 1, 0, 0), 0);
	check_eq(HYPERVISOR_set_callbacks(FLAT_RING1_CS, alt, 0, 0), 0);
	events_unmask();
	check_eq(evtchn_send((uint32_t)loop_a), 0);
	check_eq(alt_hits, 1);
	check_eq(events_init(on_event), 0);
	events_mask();
	printf("set_callbacks: 0xEFFFFFFF and a good one accepted\n");
}

void test_main(void)
{
	char arg[4];

	strict = test_arg("strict", arg, sizeof(arg)) && arg[0] == '1';
	events_mask();
	setup();
	evtchn_pointers();
	callbacks();
	xtf_success("every bad pointer refused, nothing changed");
}
