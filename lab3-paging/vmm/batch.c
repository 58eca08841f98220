/* Batched hypercalls: reading and running arrays of requests (batch.h). */
#include <lib/compiler.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/batch.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
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
 * (BATCH_REREAD). 0 when all ran. */
static long run_chunk(const uint8_t *buf, uint32_t got, uint32_t size,
		      int (*one)(const void *req, void *arg), void *arg,
		      uint32_t *done)
{
	for (uint32_t i = 0; i < got; i++) {
		int rc = one(buf + i * size, arg);

		if (rc < 0)
			return rc;
		++*done;
		if (rc == BATCH_REREAD)
			return rc;
	}
	return 0;
}

long run_batch(struct domain *d, const struct batch *b,
	       int (*one)(const void *req, void *arg), void *arg)
{
	uint8_t buf[BATCH_CHUNK * BATCH_REQ_MAX] __aligned(8);
	uint32_t done = 0, n, got;
	long rc = 0;

	BUG_ON(b->size > BATCH_REQ_MAX);
	if (b->count > BATCH_MAX ||
	    (b->foreigndom != DOMID_SELF && b->foreigndom != d->id))
		return -EINVAL;
	while (done < b->count && !rc) {
		n = MIN(b->count - done, BATCH_CHUNK);
		got = copy_batch(d, buf, b->reqs + done * b->size, b->size, n);
		rc = run_chunk(buf, got, b->size, one, arg, &done);
		if (rc == BATCH_REREAD)
			rc = 0;
		else if (!rc && got < n)
			rc = -EFAULT;
	}
	if (b->pdone && copy_to_guest(d, b->pdone, &done, sizeof(done)))
		return -EFAULT;
	return rc;
}
