/*
 * Batches of the platform's hypercalls: a hook that lab 4 fills in with
 * multicall (Linux's "lazy mode" for Xen).
 *
 * The platform (platform_pv.c, platform_pv_mm.c) makes each hypercall it
 * may batch through batch_queue() first. The kernel brackets the places
 * where it makes several in a row (a context switch, fork, the release
 * of an address space) with batch_begin() and batch_end(). With a
 * batcher installed and a batch open, batch_queue() keeps the call as a
 * multicall entry instead of making it, and the outermost batch_end()
 * makes every kept call, in order, in one VMM entry. Without a batcher
 * (labs 2 and 3, or lab 4's kernel with "nomulticall"), batch_queue()
 * keeps nothing and the platform makes each call at once: every
 * function here is then one test of a NULL pointer.
 *
 * Invariants for code inside a batch: a kept call returns 0 to its
 * caller; its real result is checked by batch_end(), which stops the
 * kernel naming the call if the VMM refused it. So nothing inside a
 * batch may depend on a kept call's effect before batch_end() (write a
 * page that a kept call makes writable, say), and order is the only
 * thing a batch keeps: the calls run exactly as if made one by one.
 */
#ifndef GUEST_BATCH_H
#define GUEST_BATCH_H

struct batcher {
	void (*begin)(void); /* batches nest: only the outermost end sends */
	void (*end)(void);
	/* Keeps hypercall op(a1, a2, a3, a4) if a batch is open: 1, else 0.
	 * If len is not 0, a1 is the address of len bytes the call reads
	 * (its requests), which are copied into the batch, so that the
	 * caller may reuse its buffer at once. */
	int (*queue)(unsigned op, unsigned long a1, unsigned long a2,
		     unsigned long a3, unsigned long a4, unsigned len);
};

/* NULL: no batching (guest/lib/batch.c); lab 4's kernel installs one. */
extern const struct batcher *batcher;

static inline void batch_begin(void)
{
	if (batcher)
		batcher->begin();
}

static inline void batch_end(void)
{
	if (batcher)
		batcher->end();
}

static inline int batch_queue(unsigned op, unsigned long a1, unsigned long a2,
			      unsigned long a3, unsigned long a4, unsigned len)
{
	return batcher && batcher->queue(op, a1, a2, a3, a4, len);
}

#endif
