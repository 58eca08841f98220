/*
 * Hypercall dispatch. A guest kernel executes int $0x82 with the number in
 * eax and up to five arguments in ebx, ecx, edx, esi, edi; the result goes
 * back in eax. Handlers register with HYPERCALL(nr, fn) in their own file.
 *
 * Every handler is called with all five argument registers, whatever its
 * own parameter list: with the i386 (and x86-64) C calling convention the
 * caller pushes and removes the arguments, so a handler that declares
 * fewer simply never looks at the rest. Xen's dispatch works the same way.
 */
#include <public/errno.h>
#include <public/xen.h>
#include <lib/compiler.h>
#include <vmm/entry.h>
#include <vmm/hypercall.h>
#include <vmm/printk.h>

static hypercall_fn table[NR_HYPERCALLS];

void hypercall_init(void)
{
	for_each_entry (hypercall, e) {
		if (e->nr >= NR_HYPERCALLS || table[e->nr])
			panic("hypercall %u (%s) registered twice or out of "
			      "range",
			      e->nr, e->name);
		table[e->nr] = e->fn;
	}
}

long hypercall_call(uint32_t nr, const unsigned long a[5])
{
	if (nr >= NR_HYPERCALLS || !table[nr])
		return -ENOSYS;
	return table[nr](a[0], a[1], a[2], a[3], a[4]);
}

/* Lab 4 replaces it: a handler that stopped half way (-ERESTART) gets
 * its registers rewritten so the guest calls it again. */
__weak void hypercall_done(struct cpu_regs *r, long rc)
{
	r->eax = (uint32_t)rc;
}

__weak int hypercall_preempt_check(void)
{
	return 0;
}

__weak long hypercall_continue(unsigned nargs, const unsigned long a[5])
{
	(void)nargs, (void)a;
	panic("hypercall_continue without lab 4");
}

/* Runs the hypercall in a trap's registers (the number in eax, the
 * arguments in ebx, ecx, edx, esi, edi: hypercall_call's look-up written
 * out again, with the registers passed straight through) and stores its
 * result in eax; only -ERESTART, which lab 4 may turn into a
 * continuation, goes through hypercall_done (a call less for the rest). */
static inline __attribute__((always_inline)) void
hypercall_dispatch(struct cpu_regs *r)
{
	uint32_t nr = r->eax;
	long rc = -ENOSYS;

	if (nr < NR_HYPERCALLS && table[nr])
		rc = table[nr](r->ebx, r->ecx, r->edx, r->esi, r->edi);
	if (rc == -ERESTART)
		hypercall_done(r, rc); /* lab 4: maybe a continuation */
	else
		r->eax = (uint32_t)rc;
}

/* A guest's int $0x82 (tramp.S calls it rather than trap(): there is
 * nothing to classify). The VMM's hot path: make bench measures it. */
void hypercall_trap(struct cpu_regs *r)
{
	struct vcpu *v = current;

	guest_entered(v, r, r->eax);
	hypercall_dispatch(r);
	if (v->domain->state != DOM_RUNNING)
		schedule(); /* never returns: the domain is gone */
	leave_to_guest(v, r);
}

long subop_dispatch(unsigned int hc, unsigned int cmd, unsigned long arg)
{
	for_each_entry (subop, e)
		if (e->hypercall == hc && e->cmd == cmd)
			return e->fn(arg);
	return -ENOSYS;
}
