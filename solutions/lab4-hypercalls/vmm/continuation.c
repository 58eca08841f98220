/*
 * Continuations (vmm/preempt.h): the arguments a hypercall that stopped
 * half way leaves for its next call, and the rewrite of the guest's
 * registers that makes the guest call again.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <vmm/hypercall.h>
#include <vmm/preempt.h>
#include <vmm/printk.h>

static unsigned long cont[5];
static unsigned cont_nargs; /* 0: nothing recorded */

long hypercall_continue(unsigned nargs, const unsigned long a[5])
{
	/* A record is taken in the stay that made it (hypercall_done, or
	 * multicall for its entries): none is ever left for another. */
	BUG_ON(nargs == 0 || nargs > 5 || cont_nargs);
	for (unsigned i = 0; i < nargs; i++)
		cont[i] = a[i];
	cont_nargs = nargs;
	return -ERESTART;
}

const unsigned long *continuation_args(unsigned *nargs)
{
	*nargs = cont_nargs;
	if (!cont_nargs)
		return NULL;
	cont_nargs = 0;
	return cont;
}

void hypercall_done(struct cpu_regs *r, long rc)
{
	const unsigned long *a;
	unsigned n;

	if (rc != -ERESTART || !(a = continuation_args(&n))) {
		r->eax = (uint32_t)rc; /* a result: the usual case */
		return;
	}
	/* BEGIN LAB 4 EXERCISE 9 (hypercall_done) */
	uint32_t *const args[5] = { &r->ebx, &r->ecx, &r->edx, &r->esi,
				    &r->edi };

	for (unsigned k = 0; k < n; k++)
		*args[k] = (uint32_t)a[k];
	/* Back onto int $0x82; eax still holds the number. */
	r->eip -= 2;
	/* END LAB 4 EXERCISE 9 */
}
