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
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <public/multicall.h>
#include <public/xen.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
#include <vmm/hypercall.h>
#include <vmm/preempt.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

#define ENTRY_SIZE sizeof(struct multicall_entry)

static int batchable(uint32_t op)
{
	return op != __HYPERVISOR_multicall && op != __HYPERVISOR_iret;
}

/* The continuation of a multicall at entry i: its remaining entries. */
static long multicall_continue(unsigned long entries, unsigned long count,
			       unsigned long i)
{
	const unsigned long a[5] = { entries + i * ENTRY_SIZE, count - i };

	return hypercall_continue(2, a);
}

/*
 * LAB 4 EXERCISE 8. multicall(entries, count), for entry i = 0..count-1:
 *  - from the second entry on, if hypercall_preempt_check(): returns the
 *    continuation of entries i.. (multicall_continue);
 *  - reads the entry (-EFAULT if it cannot: the earlier ones are done);
 *  - runs it (hypercall_call with args[0..4]) if batchable, else -EINVAL;
 *  - if that returned -ERESTART and continuation_args(&n) gives the n
 *    arguments of its continuation, the call stopped half way: they go
 *    into the entry's args[0..n-1] in guest memory (-EFAULT if they
 *    cannot) and the multicall returns its own continuation from this
 *    entry, which runs it again;
 *  - if the domain is no longer running (it shut down), returns 0;
 *  - writes the result into the entry (-EFAULT if it cannot).
 * Returns 0 when all entries ran.
 */
static long do_multicall(unsigned long entries, unsigned long count)
{
	struct domain *d = current->domain;
	struct multicall_entry e;
	const unsigned long *c;
	unsigned n;
	long rc;

	/* BEGIN LAB 4 EXERCISE 8 (multicall) */
	for (unsigned long i = 0; i < count; i++) {
		vaddr_t at = entries + i * ENTRY_SIZE;

		if (i && hypercall_preempt_check())
			return multicall_continue(entries, count, i);
		if (copy_from_guest(d, &e, at, ENTRY_SIZE))
			return -EFAULT;
		if (batchable(e.op)) {
			const unsigned long a[5] = { e.args[0], e.args[1],
						     e.args[2], e.args[3],
						     e.args[4] };

			rc = hypercall_call(e.op, a);
		} else {
			rc = -EINVAL;
		}
		if (rc == -ERESTART && (c = continuation_args(&n))) {
			for (unsigned k = 0; k < n; k++)
				e.args[k] = (uint32_t)c[k];
			if (copy_to_guest(d, at + 8, e.args,
					  n * sizeof(e.args[0])))
				return -EFAULT;
			return multicall_continue(entries, count, i);
		}
		if (d->state != DOM_RUNNING)
			return 0;
		e.result = (int32_t)rc;
		if (copy_to_guest(d, at + 4, &e.result, sizeof(e.result)))
			return -EFAULT;
	}
	return 0;
	/* END LAB 4 EXERCISE 8 */
}
HYPERCALL(__HYPERVISOR_multicall, do_multicall);
