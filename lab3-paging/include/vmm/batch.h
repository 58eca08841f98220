/* Reading arrays of requests from a guest, a chunk at a time. */
#ifndef VMM_BATCH_H
#define VMM_BATCH_H

#include <vmm/types.h>

struct domain;

/* Requests copied per chunk: one software walk of the guest's page
 * tables per chunk, not per request. */
#define BATCH_CHUNK 32

/*
 * Copies up to n elements of `size` bytes from guest address va into buf.
 * Returns how many could be read: n, or the number before the first
 * element that is not (fully) readable. A batch hypercall then handles
 * exactly the readable requests before it reports -EFAULT.
 */
uint32_t copy_batch(struct domain *d, void *buf, vaddr_t va, uint32_t size,
		    uint32_t n);

#endif
