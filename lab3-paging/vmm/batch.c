/* Reading arrays of requests from a guest (batch.h). */
#include <vmm/batch.h>
#include <vmm/guestmem.h>

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
