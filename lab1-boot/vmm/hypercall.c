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

void hypercall_dispatch(struct cpu_regs *r)
{
	uint32_t nr = r->eax;

	if (nr >= NR_HYPERCALLS || !table[nr]) {
		r->eax = (uint32_t)-ENOSYS;
		return;
	}
	r->eax = (uint32_t)table[nr](r->ebx, r->ecx, r->edx, r->esi, r->edi);
}

long subop_dispatch(unsigned int hc, unsigned int cmd, unsigned long arg)
{
	for_each_entry (subop, e)
		if (e->hypercall == hc && e->cmd == cmd)
			return e->fn(arg);
	return -ENOSYS;
}
