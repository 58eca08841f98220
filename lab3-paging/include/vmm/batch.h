/*
 * Batched hypercalls (mmu_update, mmuext_op): an array of requests in
 * guest memory, read a chunk at a time and handled in order.
 */
#ifndef VMM_BATCH_H
#define VMM_BATCH_H

#include <public/batch_limit.h>
#include <vmm/types.h>

struct domain;

/* Requests copied per chunk: one software walk of the guest's page
 * tables per chunk, not per request. */
#define BATCH_CHUNK 32
/* Requests per call; 0: no limit (lab 4, whose continuations bound the
 * work of one stay instead; public/batch_limit.h). */
#define BATCH_MAX KIT_BATCH_MAX

/* Set in count by a continuation (lab 4): the requests done before are
 * in *pdone, and the count of the rest is in the low bits (Xen's
 * MMU_UPDATE_PREEMPTED). */
#define BATCH_PREEMPTED 0x80000000u
/* The largest request (struct mmu_update). */
#define BATCH_REQ_MAX 16

/*
 * Copies up to n elements of `size` bytes from guest address va into buf.
 * Returns how many could be read: n, or the number before the first
 * element that is not (fully) readable. A batch hypercall then handles
 * exactly the readable requests before it reports -EFAULT.
 */
uint32_t copy_batch(struct domain *d, void *buf, vaddr_t va, uint32_t size,
		    uint32_t n);

/* What a request handler returns besides 0 and -errno: the request was
 * done and changed the caller's address space (NEW_BASEPTR), so the
 * requests after it must be read again, through the new one. */
#define BATCH_REREAD 1

/* A batch hypercall's arguments, as the guest passed them. */
struct batch {
	vaddr_t reqs;	     /* guest address of the requests */
	uint32_t size;	     /* bytes per request, at most BATCH_REQ_MAX */
	uint32_t count;	     /* how many */
	vaddr_t pdone;	     /* where to write how many were done, or 0 */
	uint32_t foreigndom; /* must be DOMID_SELF or the caller's id */
};

/*
 * Runs batch b of domain d: one(req, arg) for each request in order,
 * stopping at the first that returns an error. Requests are read a chunk
 * at a time, before they run; after one that returns BATCH_REREAD the
 * rest are read again. (A request that changes the mapping of the
 * request array itself some other way takes effect for reading from the
 * next chunk on.) Returns 0 or the first error;
 * -EINVAL for more than BATCH_MAX requests (if BATCH_MAX) or a foreigndom that
 * is not the caller, -EFAULT if a request cannot be read (those before it are
 * done) or pdone cannot be written (after all the work; Xen ignores
 * that failure). Lab 4: -ERESTART when the hypercall must stop for now,
 * with the continuation recorded (vmm/preempt.h); a count with
 * BATCH_PREEMPTED set continues one.
 */
long run_batch(struct domain *d, const struct batch *b,
	       int (*one)(const void *req, void *arg), void *arg);

#endif
