/* Batched hypercalls: reading and running arrays of requests (batch.h). */
#include <lib/compiler.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/batch.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
#include <vmm/hypercall.h>
#include <vmm/mm.h>
#include <vmm/printk.h>

uint32_t copy_batch(struct domain *d, void *buf, vaddr_t va, uint32_t size,
		    uint32_t n)
{
	uint32_t i;

	if (copy_from_guest(d, buf, va, size * n) == 0)
		return n;
	/* Part of the chunk is unreadable: find where, one at a time. */
	for (i = 0; i < n; i++)
		if (copy_from_guest(d, (char *)buf + i * size, va + i * size,
				    size))
			break;
	return i;
}

/* Runs the got requests of a chunk, counting in *done those done, until
 * one refuses (its error) or asks for the rest to be read again
 * (BATCH_REREAD), or the hypercall must stop for now (-ERESTART, lab 4:
 * never before the first request of the call, so each call makes
 * progress). 0 when all ran. */
static long run_chunk(const uint8_t *buf, uint32_t got, uint32_t size,
		      int (*one)(const void *req, void *arg), void *arg,
		      uint32_t *done)
{
	for (uint32_t i = 0; i < got; i++) {
		int rc;

		if (*done && hypercall_preempt_check())
			return -ERESTART;
		rc = one(buf + i * size, arg);

		if (rc < 0)
			return rc;
		++*done;
		if (rc == BATCH_REREAD)
			return rc;
	}
	return 0;
}

/* Lab 4: the batch stopped after `done` of its `count` requests; the
 * guest calls again for the rest, which finds the `before + done`
 * requests done so far in *pdone. */
static long batch_continue(struct domain *d, const struct batch *b,
			   uint32_t count, uint32_t before, uint32_t done)
{
	const unsigned long a[5] = { b->reqs + done * b->size,
				     (count - done) | BATCH_PREEMPTED, b->pdone,
				     b->foreigndom, 0 };

	before += done;
	if (b->pdone && copy_to_guest(d, b->pdone, &before, sizeof(before)))
		return -EFAULT;
	return hypercall_continue(4, a);
}

/* Lab 4: the batch has not started; the guest makes the same call again. */
static long batch_again(const struct batch *b)
{
	const unsigned long a[5] = { b->reqs, b->count, b->pdone, b->foreigndom,
				     0 };

	return hypercall_continue(4, a);
}

long run_batch(struct domain *d, const struct batch *b,
	       int (*one)(const void *req, void *arg), void *arg)
{
	uint8_t buf[BATCH_CHUNK * BATCH_REQ_MAX] __aligned(8);
	uint32_t done = 0, n, got, before = 0, count = b->count;
	long rc = 0;

	BUG_ON(b->size > BATCH_REQ_MAX);
	if (count & BATCH_PREEMPTED) { /* a continuation (lab 4) */
		count &= ~BATCH_PREEMPTED;
		if (b->pdone &&
		    copy_from_guest(d, &before, b->pdone, sizeof(before)))
			return -EFAULT;
	}
	if ((BATCH_MAX && count > BATCH_MAX) ||
	    (b->foreigndom != DOMID_SELF && b->foreigndom != d->id))
		return -EINVAL;
	if (tables_pending) { /* lab 4: a table's devalidation goes first */
		rc = table_pending_run(d);
		if (rc == -ERESTART)
			return batch_again(b);
		/* A refusal it ends with is the answer of a continued call. */
		if (!(b->count & BATCH_PREEMPTED))
			rc = 0;
	}
	while (done < count && !rc) {
		n = MIN(count - done, BATCH_CHUNK);
		got = copy_batch(d, buf, b->reqs + done * b->size, b->size, n);
		rc = run_chunk(buf, got, b->size, one, arg, &done);
		if (rc == -ERESTART)
			return batch_continue(d, b, count, before, done);
		if (rc == BATCH_REREAD)
			rc = 0;
		else if (!rc && got < n)
			rc = -EFAULT;
	}
	if (!rc && tables_pending && table_pending(d)) /* lab 4: not yet */
		return batch_continue(d, b, count, before, done);
	done += before;
	if (b->pdone && copy_to_guest(d, b->pdone, &done, sizeof(done)))
		return -EFAULT;
	return rc;
}
