/*
 * multicall (hypercall 13): many hypercalls for the price of one trap
 * (public/multicall.h). Each entry runs through the same dispatch table
 * as a trap would; its result goes back into the entry.
 *
 * What may not run in a batch: a multicall (no nesting: the entries of
 * the inner one would compete with the outer's continuation), and iret,
 * which rewrites the guest's own registers - the frame the multicall's
 * result and continuation are written for (the XSA-213 class). Both get
 * -EINVAL in their entry. A call that ends the domain (sched_op
 * shutdown) ends the batch too.
 *
 * Entries are read and written back MC_CHUNK at a time: one walk of the
 * guest's page tables per chunk, not two per entry (a walk costs about as
 * much as the call it reads; make bench shows the saving). So a call that
 * changes later entries of its own chunk does not see its change used,
 * and its change is overwritten (Xen reads each entry just before it
 * runs); a guest keeps the data its calls write outside the entry array.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/multicall.h>
#include <public/xen.h>
#include <vmm/batch.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
#include <vmm/hypercall.h>
#include <vmm/preempt.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

#define ENTRY_SIZE sizeof(struct multicall_entry)
#define MC_CHUNK   8

static int batchable(uint32_t op)
{
	return op != __HYPERVISOR_multicall && op != __HYPERVISOR_iret;
}

/*
 * LAB 4 EXERCISE 8. Runs one multicall entry e (a copy in VMM memory):
 * if its op may run in a batch (batchable), calls it (hypercall_call with
 * args[0..4]) and stores what it returned in e->result; otherwise the
 * result is -EINVAL and nothing runs. If the call returned -ERESTART and
 * continuation_args(&n) gives the n arguments of its continuation, the
 * call stopped half way: they replace e->args[0..n-1], e->result is left
 * alone, and the function returns -ERESTART (the multicall then stops
 * before this entry and runs it again, with those arguments). Returns 0
 * otherwise.
 */
static long multicall_one(struct multicall_entry *e)
{
	const unsigned long *c;
	unsigned n;
	long rc;

	/* BEGIN LAB 4 EXERCISE 8 (multicall_one) */
	(void)e, (void)c, (void)n, (void)rc, (void)batchable;
	EXERCISE_STUB(4, 8, "multicall_one");
	/* END LAB 4 EXERCISE 8 */
}

/* The continuation of a multicall at entry i: its remaining entries. */
static long multicall_continue(unsigned long entries, unsigned long count,
			       unsigned long i)
{
	const unsigned long a[5] = { entries + i * ENTRY_SIZE, count - i };

	return hypercall_continue(2, a);
}

/*
 * multicall(entries, count): the entries in order, read MC_CHUNK at a
 * time and written back (with their results) after each chunk. From the
 * second entry on, when the stay has used its budget, stops with the
 * continuation of the rest; an entry whose call stopped half way is
 * written back with its new arguments and is the first of the rest.
 * -EFAULT when an entry cannot be read (those before it are done) or a
 * chunk cannot be written back.
 */
static long do_multicall(unsigned long entries, unsigned long count)
{
	struct multicall_entry buf[MC_CHUNK];
	struct domain *d = current->domain;
	unsigned long i = 0;
	uint32_t n, got, k;
	int stop = 0; /* 1: the rest is left for the continuation */

	while (i < count) {
		vaddr_t at = entries + i * ENTRY_SIZE;

		n = (uint32_t)MIN(count - i, MC_CHUNK);
		got = copy_batch(d, buf, at, ENTRY_SIZE, n);
		for (k = 0; k < got && !stop; k++, i++) {
			if (i && hypercall_preempt_check()) {
				stop = 1;
				break;
			}
			if (multicall_one(&buf[k]) == -ERESTART) {
				stop = 1; /* entry i, with its new arguments, */
				k++;	  /* is written back and runs again */
				break;
			}
			if (d->state != DOM_RUNNING)
				return 0;
		}
		if (k && copy_to_guest(d, at, buf, k * ENTRY_SIZE))
			return -EFAULT;
		if (stop)
			return multicall_continue(entries, count, i);
		if (got < n)
			return -EFAULT;
	}
	return 0;
}
HYPERCALL(__HYPERVISOR_multicall, do_multicall);
