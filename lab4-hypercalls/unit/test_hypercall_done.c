/*
 * hypercall_done (exercise 9): the result of a hypercall in the guest's
 * frame, and the rewrite that makes a guest call again for a
 * continuation. The continuation is recorded as a handler records it,
 * with vmm/continuation.c's hypercall_continue (provided code).
 * Checked, on a frame whose every field has its own value:
 *  - a continuation of n arguments (5, 3, 2, 1): the first n of ebx,
 *    ecx, edx, esi, edi its arguments (their low 32 bits), the others
 *    left alone; eip two bytes back (onto the int $0x82); eax (the
 *    hypercall's number) and every other field as they were;
 *  - the continuation is taken: none left after it (continuation_args),
 *    so the next -ERESTART is a plain result;
 *  - plain results (0, positive, negative, -ERESTART without a
 *    continuation): in eax, nothing else changed.
 */
#include <stdio.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include <public/xen.h>
#include <vmm/hypercall.h>
#include <vmm/preempt.h>
#include <vmm/regs.h>

#define WORDS (sizeof(struct cpu_regs) / 4)

static const char *const names[] = {
	"edi", "esi", "ebp",	"esp_pusha", "ebx", "edx",    "ecx",
	"eax", "gs",  "fs",	"es",	     "ds",  "vector", "error",
	"eip", "cs",  "eflags", "esp",	     "ss",
};

_Static_assert(sizeof(names) / sizeof(names[0]) == WORDS, "struct cpu_regs");

static void setup(void)
{
	unsigned n;

	(void)continuation_args(&n); /* none recorded */
}

TestSuite(hypercall_done, .init = setup);

/* A guest frame after int $0x82 with eax = nr: every field distinct. */
static struct cpu_regs frame(uint32_t nr)
{
	struct cpu_regs r;
	uint32_t *w = (uint32_t *)&r;

	for (unsigned i = 0; i < WORDS; i++)
		w[i] = 0xA0000000u + 0x01010101u * i;
	r.eax = nr;
	r.eip = 0xC0012346;
	r.cs = 0xE019;
	r.vector = 0x82;
	r.error = 0;
	return r;
}

/* r is `want` exactly. */
static void assert_regs(const struct cpu_regs *r, const struct cpu_regs *want,
			const char *what)
{
	const uint32_t *a = (const uint32_t *)r, *b = (const uint32_t *)want;

	for (unsigned i = 0; i < WORDS; i++)
		cr_assert_eq(a[i], b[i], "%s: %s is %#x, wanted %#x", what,
			     names[i], a[i], b[i]);
}

/* hypercall nr stops with a continuation of the first n of c[]: the
 * frame must come out as the guest's call again with them. */
static void continued(uint32_t nr, unsigned n, const unsigned long c[5])
{
	struct cpu_regs r = frame(nr), want = r;
	uint32_t *const args[5] = { &want.ebx, &want.ecx, &want.edx, &want.esi,
				    &want.edi };
	char what[64];

	cr_assert_eq(hypercall_continue(n, c), -ERESTART);
	hypercall_done(&r, -ERESTART);
	for (unsigned k = 0; k < n; k++)
		*args[k] = (uint32_t)c[k];
	want.eip -= 2;
	sprintf(what, "hypercall %u, a continuation of %u arguments", nr, n);
	assert_regs(&r, &want, what);
}

Test(hypercall_done, continuation)
{
	const unsigned long c[5] = { 0xC0100020, 77, 0, 0xFFFFFFFFul, 0x7FF0 };

	continued(__HYPERVISOR_mmuext_op, 5, c);
}

/* Fewer arguments: the registers past them are the guest's own. */
Test(hypercall_done, fewer_arguments)
{
	const unsigned long c3[5] = { 0xC0300000, 1, 2 };
	const unsigned long c2[5] = { 0xC0200040, 3 };
	const unsigned long c1[5] = { 0 };

	continued(__HYPERVISOR_mmu_update, 3, c3);
	continued(__HYPERVISOR_multicall, 2, c2);
	continued(__HYPERVISOR_memory_op, 1, c1);
}

Test(hypercall_done, taken_once)
{
	const unsigned long c[5] = { 1, 2, 3, 4, 5 };
	struct cpu_regs r = frame(__HYPERVISOR_mmuext_op), want;
	unsigned n = 99;

	hypercall_continue(5, c);
	hypercall_done(&r, -ERESTART);
	cr_assert_null(continuation_args(&n), "the continuation is left over");
	cr_assert_eq(n, 0);
	/* the guest calls again, and this time -ERESTART comes without one */
	want = r;
	hypercall_done(&r, -ERESTART);
	want.eax = (uint32_t)-ERESTART;
	assert_regs(&r, &want, "-ERESTART after the continuation was taken");
	/* and the next call may stop half way again */
	continued(__HYPERVISOR_mmuext_op, 4, c);
}

Test(hypercall_done, plain_results)
{
	static const long rcs[] = { 0,	     1,	      0x7FFFFFFF, -EINVAL,
				    -EFAULT, -ENOSYS, -1 };

	for (unsigned i = 0; i < sizeof(rcs) / sizeof(rcs[0]); i++) {
		struct cpu_regs r = frame(__HYPERVISOR_xen_version), want = r;
		char what[32];

		hypercall_done(&r, rcs[i]);
		want.eax = (uint32_t)rcs[i];
		sprintf(what, "result %ld", rcs[i]);
		assert_regs(&r, &want, what);
	}
}

Test(hypercall_done, restart_without_continuation)
{
	struct cpu_regs r = frame(__HYPERVISOR_iret), want = r;

	hypercall_done(&r, -ERESTART);
	want.eax = (uint32_t)-ERESTART;
	assert_regs(&r, &want, "-ERESTART without a continuation");
}
