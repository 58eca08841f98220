/*
 * cont_race (hostile): continuations raced by the guest. A long
 * mmuext_op - pin 300 L1 tables, then unpin them: a request done twice
 * fails (a pin of a pinned table, an unpin of an unpinned one) - is
 * stopped by the VMM part way and continued: the VMM rewrites our
 * argument registers to the rest of the batch and moves eip back onto
 * the int $0x82. Between the two entries our own code runs: an event
 * pending and unmasked at the VMM's exit is delivered first, so our
 * callback sees (and may change) the registers the call will be made
 * again with, the request array, and *pdone. The VMM must take the
 * second entry as what it is - a new hypercall with whatever arguments
 * it carries - and never do a request twice:
 *  - observe: the saved registers are the rest of the batch (ebx, ecx
 *    with the preempted flag, edx = pdone), eip is on int $0x82, *pdone
 *    the requests done; all 600 done once;
 *  - rewrite: the callback turns some unpins not yet done into no-ops
 *    (those tables stay pinned) and scribbles over requests already done
 *    (no effect): the rest runs as rewritten;
 *  - redo: the callback points the registers back at the first request
 *    (with the flag): the VMM refuses the second pin of a pinned table
 *    (-EINVAL), the requests done stay done, nothing else happens;
 *  - fresh: the callback clears the preempted flag: the rest runs as a
 *    new batch (*pdone counts from 0 again), each request once;
 *  - abandon: the callback moves eip past the int $0x82: we go on with
 *    eax still the hypercall number, the VMM holds nothing for us;
 *  - hole: the callback points pdone into the hole: -EFAULT, no more;
 *  - multicall: [send, the batch] as one multicall, so the event comes
 *    from its first entry: the callback rewrites requests as in rewrite;
 *    then again, and the callback makes the entry array read-only: the
 *    VMM cannot write the entry's continuation back, -EFAULT, and does
 *    nothing twice.
 * A vulnerable VMM keeps the continuation's state itself (and trusts it
 * on the next entry, or hands it to another call), re-runs requests it
 * has done, or loops on a continuation it cannot record.
 */
#include <lib/string.h>
#include <guest/events.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "cont_race: continuations raced by the guest";

#define NT	  300
#define NOPS	  (2 * NT)
#define PREEMPTED 0x80000000u /* vmm/batch.h: count of a continuation */
#define MC_VA	  (SCRATCH_VA + 0x1000) /* the multicall's entries */

static uint32_t tables[NT]; /* pfns of L1 tables, mapped read-only */
static struct mmuext_op ops[NOPS];
static uint32_t done;
static int loop_a;

/* ---- the callback ---- */

enum race {
	OBSERVE,
	REWRITE,
	REDO,
	FRESH,
	ABANDON,
	HOLE,
	MC_REWRITE,
	MC_READONLY
};
static volatile enum race race;
static volatile uint32_t seen, seen_k;
static struct multicall_entry *mc; /* where the multicall's entries are */
static uint32_t mc_pfn;

/* Unpins not yet done (from request k on) of odd tables: no-ops. */
static void rewrite_rest(uint32_t k)
{
	for (uint32_t i = k; i < NOPS; i++)
		if (i >= NT && (i - NT) % 2)
			ops[i].cmd = MMUEXT_TLB_FLUSH_LOCAL;
	for (uint32_t i = 0; i < k; i++) /* done: no effect any more */
		ops[i].arg1.mfn = 0;
}

static void race_handler(struct upcall_regs *r)
{
	struct vcpu_info *vi = vcpu0();
	uint32_t k = done;

	vi->evtchn_upcall_pending = 0;
	vi->evtchn_pending_sel = 0;
	shared_info()->evtchn_pending[0] = 0;
	if (seen++)
		return; /* the event comes once; only the first counts */
	seen_k = k;
	if (race >= MC_REWRITE) {
		/* Our registers: the multicall's continuation from entry 1,
		 * whose args are the batch's rest. */
		check_eq(r->eax, __HYPERVISOR_multicall);
		check_eq(r->ebx, (uint32_t)&mc[1]);
		check_eq(mc[1].args[0], (uint32_t)&ops[k]);
		check_eq(mc[1].args[1], (NOPS - k) | PREEMPTED);
		if (race == MC_REWRITE)
			rewrite_rest(k);
		else
			check_eq(HYPERVISOR_update_va_mapping(
					 MC_VA, ptep(mc_pfn, PTE_RO), 0),
				 0);
		return;
	}
	check_eq(r->eax, __HYPERVISOR_mmuext_op);
	check_eq(r->ebx, (uint32_t)&ops[k]);
	check_eq(r->ecx, (NOPS - k) | PREEMPTED);
	check_eq(r->edx, (uint32_t)&done);
	check_eq(r->esi, DOMID_SELF);
	check_eq(*(const uint16_t *)r->eip, 0x82CD); /* int $0x82 */
	switch (race) {
	case REWRITE:
		rewrite_rest(k);
		break;
	case REDO:
		r->ebx = (uint32_t)ops;
		r->ecx = NOPS | PREEMPTED;
		break;
	case FRESH:
		r->ecx &= ~PREEMPTED;
		break;
	case ABANDON:
		r->eip += 2;
		break;
	case HOLE:
		r->edx = 0xF8000000u;
		break;
	default:
		break;
	}
}

/* ---- the batch ---- */

static void build_ops(void)
{
	for (uint32_t j = 0; j < NT; j++) {
		ops[j] = (struct mmuext_op){ MMUEXT_PIN_L1_TABLE,
					     { pfn_to_mfn(tables[j]) },
					     { 0 } };
		ops[NT + j] = (struct mmuext_op){ MMUEXT_UNPIN_TABLE,
						  { pfn_to_mfn(tables[j]) },
						  { 0 } };
	}
}

/* 1 if table j is pinned (a pin is refused), else 0 (pin and unpin). */
static int pinned(uint32_t j)
{
	uint32_t mfn = pfn_to_mfn(tables[j]);
	long rc = mmuext_one(MMUEXT_PIN_L1_TABLE, mfn);

	if (rc == 0) {
		check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, mfn), 0);
		return 0;
	}
	check_eq(rc, -EINVAL);
	return 1;
}

/* Checks table j's pin against want; unpins it. */
static void expect_pinned(uint32_t j, int want, const char *what)
{
	int is = pinned(j);

	if (is != want)
		xtf_failure("%s: table %u %spinned", what, j, is ? "" : "not ");
	if (is)
		check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, pfn_to_mfn(tables[j])),
			 0);
}

/* Table j is pinned after requests [0, k) ran (each once). */
static int pinned_after(uint32_t j, uint32_t k)
{
	return j < k && !(NT + j < k);
}

/* The batch directly: the event made pending by hand, the mask cleared
 * by hand, so that the first VMM exit - the preempted one - delivers. */
static long batch(enum race how)
{
	long ret;

	build_ops();
	race = how;
	seen = 0;
	done = 0;
	ret = mmuext_op_raced(ops, NOPS, &done);
	check_eq(seen, 1);
	return ret;
}

static void direct(void)
{
	uint32_t k;
	long rc;

	rc = batch(OBSERVE);
	check_eq(rc, 0);
	check_eq(done, NOPS);
	for (uint32_t j = 0; j < NT; j++)
		expect_pinned(j, 0, "observe");
	printf("observe: stopped after %u requests, continued; all %u done "
	       "once\n",
	       seen_k, NOPS);

	rc = batch(REWRITE);
	k = seen_k;
	check_eq(rc, 0);
	check_eq(done, NOPS);
	for (uint32_t j = 0; j < NT; j++)
		expect_pinned(j, (j % 2) && NT + j >= k, "rewrite");
	printf("rewrite at %u: the rest ran as rewritten\n", k);

	rc = batch(REDO);
	k = seen_k;
	check(k < NT); /* stopped among the pins: the redo's first fails */
	check_eq(rc, -EINVAL);
	check_eq(done, k);
	for (uint32_t j = 0; j < NT; j++)
		expect_pinned(j, pinned_after(j, k), "redo");
	printf("redo from 0 at %u: the second pin refused, -EINVAL\n", k);

	rc = batch(FRESH);
	k = seen_k;
	check_eq(rc, 0);
	check_eq(done, NOPS - k);
	for (uint32_t j = 0; j < NT; j++)
		expect_pinned(j, 0, "fresh");
	printf("flag cleared at %u: the rest as a new batch\n", k);

	rc = batch(ABANDON);
	k = seen_k;
	check_eq(rc, __HYPERVISOR_mmuext_op);
	check_eq(done, k);
	check_eq(HYPERVISOR_xen_version(XENVER_version, 0), 0x30000);
	for (uint32_t j = 0; j < NT; j++)
		expect_pinned(j, pinned_after(j, k), "abandon");
	printf("abandoned at %u: nothing more done\n", k);

	rc = batch(HOLE);
	k = seen_k;
	check_eq(rc, -EFAULT);
	for (uint32_t j = 0; j < NT; j++)
		expect_pinned(j, pinned_after(j, k), "hole");
	printf("pdone moved into the hole at %u: -EFAULT\n", k);
}

/* [send on our loopback port, the batch] as one multicall. */
static long in_multicall(enum race how)
{
	build_ops();
	race = how;
	seen = 0;
	done = 0;
	mc[0] = (struct multicall_entry){ __HYPERVISOR_event_channel_op,
					  77,
					  { EVTCHNOP_send,
					    (uint32_t)&loop_a } };
	mc[1] = (struct multicall_entry){ __HYPERVISOR_mmuext_op,
					  77,
					  { (uint32_t)ops, NOPS,
					    (uint32_t)&done, DOMID_SELF } };
	events_unmask();
	return HYPERVISOR_multicall(mc, 2);
}

static void multicall(void)
{
	uint32_t k;
	long rc;

	rc = in_multicall(MC_REWRITE);
	k = seen_k;
	check_eq(seen, 1);
	check_eq(rc, 0);
	check_eq(mc[0].result, 0);
	check_eq(mc[1].result, 0);
	check_eq(done, NOPS);
	for (uint32_t j = 0; j < NT; j++)
		expect_pinned(j, (j % 2) && NT + j >= k, "multicall rewrite");
	printf("in a multicall, rewritten at %u: the rest ran as rewritten\n",
	       k);

	rc = in_multicall(MC_READONLY);
	k = seen_k;
	check_eq(seen, 1);
	check_eq(rc, -EFAULT);
	check(done >= k);
	for (uint32_t j = 0; j < NT; j++)
		expect_pinned(j, pinned_after(j, done), "multicall read-only");
	check_eq(HYPERVISOR_update_va_mapping(MC_VA, ptep(mc_pfn, PTE_RW), 0),
		 0);
	printf("in a multicall whose entries turned read-only at %u: "
	       "-EFAULT after %u\n",
	       k, done);
}

void test_main(void)
{
	uint32_t l1 = l1_make(0);
	int b;

	for (uint32_t j = 0; j < NT; j++) {
		tables[j] = page_get();
		check_eq(kmap(tables[j], PTE_RO), 0);
	}
	mc_pfn = page_get();
	check_eq(set_entry(l2_pfn(), SCRATCH_SLOT, pte(pfn_to_mfn(l1), PTE_RW)),
		 0);
	check_eq(HYPERVISOR_update_va_mapping(MC_VA, ptep(mc_pfn, PTE_RW), 0),
		 0);
	mc = (struct multicall_entry *)MC_VA;
	loop_a = evtchn_alloc_unbound(DOMID_SELF);
	b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)loop_a);
	check(loop_a > 0 && b == 2);
	check_eq(raw_upcall_init(race_handler), 0);
	direct();
	multicall();
	events_mask();
	xtf_success("no request done twice, whatever we did in between");
}
