/*
 * multicall (exercise 8: multicall_one, which runs one entry), through
 * multicall's registry entry (its handler is static): the provided loop
 * reads the entries a chunk at a time, runs each with multicall_one and
 * writes them back. The entries are read from the guest: the address
 * space is lab 3's unit fixture (unit_lab3.h: UNIT_VA maps frame
 * UNIT_DATA writable; the page after it is not mapped, the next one
 * maps a frame read-only), the current domain unit_d. The calls go to
 * unit/host_lab4.c's scripted hypercall_call (a handler per test), and
 * hypercall_preempt_check is steered (unit_preempt_after).
 * hypercall_continue and continuation_args are vmm/continuation.c's
 * provided code; nothing here needs hypercall_done (exercise 9).
 * Checked:
 *  - each entry is called in order with its op and args[0..4], its
 *    result written into the entry (negative ones too), nothing else of
 *    the entries changed; 0 for all done, and for no entries; batches
 *    longer than a chunk;
 *  - multicall and iret in a batch: -EINVAL in their entry, never
 *    called; the entries after them run;
 *  - an entry that cannot be read: -EFAULT, the earlier ones done and
 *    their results written, no later one called; entries that cannot be
 *    written back: -EFAULT;
 *  - preemption between entries (never before the first, never after
 *    the last): -ERESTART with the continuation (entries + i * 32,
 *    count - i), results written up to i, no entry from i on called;
 *  - a call that stops half way (-ERESTART with a continuation of n
 *    arguments): they are written into the entry's args[0..n-1] in
 *    guest memory (its other args, op and result kept), the multicall's
 *    own continuation is from that entry, nothing after it is called;
 *    the call made again then runs with the new arguments;
 *  - a call returning -ERESTART without a continuation: a plain result;
 *  - a call that ends the domain ends the batch: 0, nothing after it
 *    called.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/multicall.h>
#include <public/xen.h>
#include <vmm/hypercall.h>
#include <vmm/preempt.h>
#include "../../lab3-paging/unit/unit_lab3.h"
#include "unit_lab4.h"

/* multicall's registry entry (global in unit builds). */
extern const struct hypercall_entry hypercall_do_multicall;

#define NONE_VA (UNIT_VA + PAGE_SIZE)	  /* not mapped */
#define RO_VA	(UNIT_VA + 2 * PAGE_SIZE) /* read-only */
#define RO_MFN	(UNIT_FIRST + 3)
#define UNSET	0x5A5A5A5A /* a result not written */

static struct multicall_entry *ents; /* at UNIT_VA */

static void setup(void)
{
	unit_lab3_init();
	unit_space();
	unit_table(UNIT_L1)[2] = PTE(RO_MFN, PTE_P | PTE_U);
	unit_lab4_init(0);
	ents = (struct multicall_entry *)UNIT_PAGE(UNIT_DATA);
	cr_assert_eq(hypercall_do_multicall.nr, __HYPERVISOR_multicall);
}

TestSuite(multicall, .init = setup);

static long multicall(unsigned long entries, unsigned long count)
{
	return hypercall_do_multicall.fn(entries, count, 0, 0, 0);
}

/* Entry i of a batch at `at` (a pointer into the simulated machine). */
static void entry(struct multicall_entry *at, unsigned i, uint32_t op)
{
	at[i].op = op;
	at[i].result = UNSET;
	for (unsigned k = 0; k < 6; k++)
		at[i].args[k] = 0x1000 * (i + 1) + k;
}

/* Call k of the log was entry i's (op, args as entry() wrote them). */
static void assert_call(int k, unsigned i, uint32_t op)
{
	cr_assert(k < unit_calls, "call %d was not made", k);
	cr_assert_eq(unit_call_log[k].nr, op, "call %d: op %u, wanted %u", k,
		     unit_call_log[k].nr, op);
	for (unsigned j = 0; j < 5; j++)
		cr_assert_eq(
			unit_call_log[k].a[j], 0x1000 * (i + 1) + j,
			"call %d: a[%u] = %#lx, wanted entry %u's args[%u]", k,
			j, unit_call_log[k].a[j], i, j);
}

/* Entry i untouched since entry(). */
static void assert_untouched(struct multicall_entry *at, unsigned i,
			     uint32_t op)
{
	cr_assert_eq(at[i].op, op, "entry %u: op changed", i);
	cr_assert_eq(at[i].result, UNSET, "entry %u: result written (%d)", i,
		     at[i].result);
	for (unsigned k = 0; k < 6; k++)
		cr_assert_eq(at[i].args[k], 0x1000 * (i + 1) + k,
			     "entry %u: args[%u] changed", i, k);
}

/* Entry i has its args, op and the given result. */
static void assert_result(struct multicall_entry *at, unsigned i, uint32_t op,
			  int32_t result)
{
	cr_assert_eq(at[i].result, result, "entry %u: result %d, wanted %d", i,
		     at[i].result, result);
	at[i].result = UNSET;
	assert_untouched(at, i, op);
	at[i].result = result;
}

/* The multicall recorded its continuation (entries, count): taken. */
static void assert_continuation(unsigned long entries, unsigned long count)
{
	unsigned n = 0;
	const unsigned long *c = continuation_args(&n);

	cr_assert_not_null(c, "no continuation recorded");
	cr_assert(n == 2 && c[0] == entries && c[1] == count,
		  "continuation (%#lx, %lu) of %u arguments, wanted (%#lx, "
		  "%lu) of 2",
		  c[0], c[1], n, entries, count);
}

static void assert_no_continuation(void)
{
	unsigned n;

	cr_assert_null(continuation_args(&n), "a continuation was recorded");
}

/* Results: -op for op 29 (negative results), else 100 * op + a[0]. */
static long numbered(uint32_t nr, const unsigned long a[5])
{
	return nr == 29 ? -(long)nr : (long)(100 * nr + a[0]);
}

/* Forgets the calls made so far. */
static void calls_reset(void)
{
	unit_calls = 0;
	memset(unit_call_log, 0, sizeof(unit_call_log));
}

Test(multicall, runs_every_entry)
{
	static const uint32_t ops[] = { 17, 29, 1, 32, 29 };
	struct multicall_entry *at = (void *)(UNIT_PAGE(UNIT_DATA) + 0x208);

	for (unsigned i = 0; i < 5; i++)
		entry(ents, i, ops[i]);
	entry(ents, 5, 17); /* not in the batch */
	unit_handler = numbered;
	cr_assert_eq(multicall(UNIT_VA, 5), 0);
	cr_assert_eq(unit_calls, 5, "%d calls, wanted 5", unit_calls);
	for (unsigned i = 0; i < 5; i++) {
		assert_call((int)i, i, ops[i]);
		assert_result(ents, i, ops[i],
			      ops[i] == 29 ? -29 :
					     (int32_t)(100 * ops[i] +
						       0x1000 * (i + 1)));
	}
	assert_untouched(ents, 5, 17);
	assert_no_continuation();

	/* entries away from the start of the page; batches of none */
	calls_reset();
	unit_handler = NULL;
	entry(at, 0, 18);
	entry(at, 1, 24);
	cr_assert_eq(multicall(UNIT_VA + 0x208, 2), 0);
	cr_assert_eq(unit_calls, 2, "%d calls, wanted 2", unit_calls);
	assert_call(0, 0, 18);
	assert_call(1, 1, 24);
	assert_result(at, 0, 18, 18);
	assert_result(at, 1, 24, 24);

	calls_reset();
	cr_assert_eq(multicall(UNIT_VA, 0), 0);
	cr_assert_eq(multicall(NONE_VA, 0), 0, "no entries, none to read");
	cr_assert_eq(unit_calls, 0);
}

Test(multicall, not_batchable)
{
	entry(ents, 0, 17);
	entry(ents, 1, __HYPERVISOR_multicall);
	entry(ents, 2, __HYPERVISOR_iret);
	entry(ents, 3, 18);
	cr_assert_eq(multicall(UNIT_VA, 4), 0);
	cr_assert_eq(unit_calls, 2, "%d calls, wanted 2", unit_calls);
	assert_call(0, 0, 17);
	assert_call(1, 3, 18);
	assert_result(ents, 0, 17, 17);
	assert_result(ents, 1, __HYPERVISOR_multicall, -EINVAL);
	assert_result(ents, 2, __HYPERVISOR_iret, -EINVAL);
	assert_result(ents, 3, 18, 18);
}

/* Two entries at the end of the writable page, the next ones in the
 * unmapped page after it; then an entry half in each. */
Test(multicall, unreadable_entry)
{
	struct multicall_entry *at =
		(void *)(UNIT_PAGE(UNIT_DATA) + PAGE_SIZE - 64);

	entry(at, 0, 17);
	entry(at, 1, 18);
	cr_assert_eq(multicall(NONE_VA - 64, 4), -EFAULT);
	cr_assert_eq(unit_calls, 2, "%d calls, wanted 2", unit_calls);
	assert_call(0, 0, 17);
	assert_call(1, 1, 18);
	assert_result(at, 0, 17, 17);
	assert_result(at, 1, 18, 18);

	calls_reset();
	at = (void *)(UNIT_PAGE(UNIT_DATA) + PAGE_SIZE - 48);
	entry(at, 0, 17);
	cr_assert_eq(multicall(NONE_VA - 48, 2), -EFAULT,
		     "an entry across into an unmapped page");
	cr_assert_eq(unit_calls, 1, "%d calls, wanted 1", unit_calls);
	assert_result(at, 0, 17, 17);
}

/* Op 1 stops half way (a continuation of 3 arguments) while
 * stops_left says so. */
static int stops_left = 1;

static long restarts(uint32_t nr, const unsigned long a[5])
{
	if (nr == 1 && stops_left) {
		const unsigned long c[5] = { a[0] + 0x10, a[1] - 1,
					     0xFFFFFFFFul };

		stops_left--;
		return hypercall_continue(3, c);
	}
	return nr;
}

/* Entries in the read-only page: readable, but they cannot be written
 * back, with their results or with a continuation's arguments. */
Test(multicall, not_writable)
{
	struct multicall_entry *ro = (void *)UNIT_PAGE(RO_MFN);

	entry(ro, 0, 17);
	entry(ro, 1, 18);
	cr_assert_eq(multicall(RO_VA, 2), -EFAULT, "results not writable");
	assert_untouched(ro, 0, 17);
	assert_untouched(ro, 1, 18);

	calls_reset();
	entry(ro, 0, 1);
	unit_handler = restarts;
	cr_assert_eq(multicall(RO_VA, 2), -EFAULT,
		     "a continuation's arguments not writable");
	cr_assert_eq(unit_calls, 1, "%d calls, wanted 1 (the first entry)",
		     unit_calls);
	assert_untouched(ro, 0, 1);
	assert_no_continuation();
}

/* "No" once: entries 0 and 1 run, 2 is preempted; "no" between all
 * entries: no continuation after the last one; preemption due at once:
 * the first entry still runs (else a batch might never progress). */
Test(multicall, preempted)
{
	struct multicall_entry *at = (void *)(UNIT_PAGE(UNIT_DATA) + 0x100);

	for (unsigned i = 0; i < 5; i++)
		entry(ents, i, 17);
	unit_preempt_after = 1;
	cr_assert_eq(multicall(UNIT_VA, 5), -ERESTART);
	cr_assert_eq(unit_calls, 2, "%d calls, wanted 2", unit_calls);
	assert_result(ents, 0, 17, 17);
	assert_result(ents, 1, 17, 17);
	for (unsigned i = 2; i < 5; i++)
		assert_untouched(ents, i, 17);
	assert_continuation(UNIT_VA + 2 * 32, 3);

	calls_reset();
	unit_preempt_after = 1;
	cr_assert_eq(multicall(UNIT_VA + 3 * 32, 2), 0,
		     "preempted after the last entry");
	cr_assert_eq(unit_calls, 2);
	assert_no_continuation();
	assert_result(ents, 3, 17, 17);
	assert_result(ents, 4, 17, 17);

	entry(at, 0, 17);
	entry(at, 1, 18);
	entry(at, 2, 19);
	calls_reset();
	unit_preempt_after = 0;
	cr_assert_eq(multicall(UNIT_VA + 0x100, 3), -ERESTART);
	cr_assert_eq(unit_calls, 1, "%d calls, wanted 1", unit_calls);
	assert_result(at, 0, 17, 17);
	assert_untouched(at, 1, 18);
	assert_continuation(UNIT_VA + 0x100 + 32, 2);

	/* a batch of one is never preempted */
	calls_reset();
	cr_assert_eq(multicall(UNIT_VA + 0x100 + 64, 1), 0);
	cr_assert_eq(unit_calls, 1);
	assert_result(at, 2, 19, 19);
	assert_no_continuation();
}

Test(multicall, call_stops_half_way)
{
	entry(ents, 0, 17);
	entry(ents, 1, 1);
	entry(ents, 2, 18);
	unit_handler = restarts;
	cr_assert_eq(multicall(UNIT_VA, 3), -ERESTART);
	cr_assert_eq(unit_calls, 2, "%d calls, wanted 2", unit_calls);
	assert_result(ents, 0, 17, 17);
	cr_assert_eq(ents[1].op, 1);
	cr_assert(ents[1].args[0] == 0x2010 && ents[1].args[1] == 0x2000 &&
			  ents[1].args[2] == 0xFFFFFFFFu,
		  "entry 1's args %#x %#x %#x: not the continuation's",
		  ents[1].args[0], ents[1].args[1], ents[1].args[2]);
	cr_assert(ents[1].args[3] == 0x2003 && ents[1].args[4] == 0x2004 &&
			  ents[1].args[5] == 0x2005,
		  "entry 1's args %#x %#x %#x changed: the continuation has "
		  "3 arguments",
		  ents[1].args[3], ents[1].args[4], ents[1].args[5]);
	cr_assert_eq(ents[1].result, UNSET,
		     "entry 1's result written (%d): it has not run to its end",
		     ents[1].result);
	assert_untouched(ents, 2, 18);
	assert_continuation(UNIT_VA + 32, 2);

	/* The guest calls again: entry 1 goes on from where it stopped. */
	cr_assert_eq(multicall(UNIT_VA + 32, 2), 0);
	cr_assert_eq(unit_calls, 4);
	cr_assert(unit_call_log[2].nr == 1 && unit_call_log[2].a[0] == 0x2010 &&
			  unit_call_log[2].a[1] == 0x2000 &&
			  unit_call_log[2].a[2] == 0xFFFFFFFFu &&
			  unit_call_log[2].a[3] == 0x2003 &&
			  unit_call_log[2].a[4] == 0x2004,
		  "entry 1 called again with %#lx %#lx %#lx %#lx %#lx",
		  unit_call_log[2].a[0], unit_call_log[2].a[1],
		  unit_call_log[2].a[2], unit_call_log[2].a[3],
		  unit_call_log[2].a[4]);
	assert_call(3, 2, 18);
	cr_assert_eq(ents[1].result, 1);
	assert_result(ents, 2, 18, 18);
	assert_no_continuation();
}

static long restart_plain(uint32_t nr, const unsigned long a[5])
{
	(void)a;
	return nr == 1 ? -ERESTART : (long)nr;
}

Test(multicall, restart_without_continuation)
{
	entry(ents, 0, 1);
	entry(ents, 1, 18);
	unit_handler = restart_plain;
	cr_assert_eq(multicall(UNIT_VA, 2), 0);
	cr_assert_eq(unit_calls, 2, "%d calls, wanted 2", unit_calls);
	assert_result(ents, 0, 1, -ERESTART);
	assert_result(ents, 1, 18, 18);
	assert_no_continuation();
}

/* sched_op (29) shuts the domain down. */
static long shuts_down(uint32_t nr, const unsigned long a[5])
{
	(void)a;
	if (nr == 29)
		unit_d.state = DOM_DEAD;
	return 0;
}

Test(multicall, domain_ends)
{
	entry(ents, 0, 17);
	entry(ents, 1, 29);
	entry(ents, 2, 17);
	unit_handler = shuts_down;
	cr_assert_eq(multicall(UNIT_VA, 3), 0);
	cr_assert_eq(unit_calls, 2, "%d calls, wanted 2", unit_calls);
	assert_untouched(ents, 2, 17);
}

/* 20 entries: more than one chunk. All of them; preempted at entry 10;
 * entry 12 stopping half way; entry 7, the last of a chunk, stopping
 * half way; the only entry of a batch stopping half way. */
Test(multicall, long_batches)
{
	for (unsigned i = 0; i < 20; i++)
		entry(ents, i, 17);
	unit_handler = numbered;
	cr_assert_eq(multicall(UNIT_VA, 20), 0);
	cr_assert_eq(unit_calls, 20, "%d calls, wanted 20", unit_calls);
	for (unsigned i = 0; i < 20; i++) {
		assert_call((int)i, i, 17);
		assert_result(ents, i, 17, (int32_t)(1700 + 0x1000 * (i + 1)));
	}

	for (unsigned i = 0; i < 20; i++)
		entry(ents, i, 17);
	calls_reset();
	unit_preempt_after = 9;
	cr_assert_eq(multicall(UNIT_VA, 20), -ERESTART);
	cr_assert_eq(unit_calls, 10, "%d calls, wanted 10", unit_calls);
	for (unsigned i = 0; i < 10; i++)
		assert_result(ents, i, 17, (int32_t)(1700 + 0x1000 * (i + 1)));
	for (unsigned i = 10; i < 20; i++)
		assert_untouched(ents, i, 17);
	assert_continuation(UNIT_VA + 10 * 32, 10);

	for (unsigned i = 0; i < 20; i++)
		entry(ents, i, 17);
	entry(ents, 12, 1);
	calls_reset();
	unit_preempt_after = -1;
	unit_handler = restarts;
	cr_assert_eq(multicall(UNIT_VA, 20), -ERESTART);
	cr_assert_eq(unit_calls, 13, "%d calls, wanted 13", unit_calls);
	for (unsigned i = 0; i < 12; i++)
		assert_result(ents, i, 17, 17);
	cr_assert(ents[12].args[0] == 0xD010 && ents[12].args[1] == 0xD000 &&
			  ents[12].args[2] == 0xFFFFFFFFu &&
			  ents[12].result == UNSET,
		  "entry 12: args %#x %#x %#x result %d: not the "
		  "continuation's",
		  ents[12].args[0], ents[12].args[1], ents[12].args[2],
		  ents[12].result);
	for (unsigned i = 13; i < 20; i++)
		assert_untouched(ents, i, 17);
	assert_continuation(UNIT_VA + 12 * 32, 8);

	for (unsigned i = 0; i < 20; i++)
		entry(ents, i, 17);
	entry(ents, 7, 1);
	calls_reset();
	stops_left = 1;
	cr_assert_eq(multicall(UNIT_VA, 20), -ERESTART,
		     "entry 7 (the last of a chunk) stopped half way");
	cr_assert_eq(unit_calls, 8, "%d calls, wanted 8", unit_calls);
	cr_assert(ents[7].args[0] == 0x8010 && ents[7].result == UNSET,
		  "entry 7: args[0] %#x result %d", ents[7].args[0],
		  ents[7].result);
	for (unsigned i = 8; i < 20; i++)
		assert_untouched(ents, i, 17);
	assert_continuation(UNIT_VA + 7 * 32, 13);

	entry(ents, 0, 1);
	calls_reset();
	stops_left = 1;
	cr_assert_eq(multicall(UNIT_VA, 1), -ERESTART,
		     "the only entry stopped half way");
	cr_assert_eq(unit_calls, 1, "%d calls, wanted 1", unit_calls);
	cr_assert_eq(ents[0].args[0], 0x1010);
	assert_continuation(UNIT_VA, 1);
}
