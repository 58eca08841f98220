/*
 * selftest=exitfault: faults on the VMM's return path to a guest, on
 * demand, so that a test can check what the VMM leaves behind when its
 * exit path faults (test exit_fault_stack).
 *
 * A guest cannot make the exit path fault any more: fix_segments keeps
 * every selector the exit loads valid, and check_descriptor refuses what
 * would let a guest leave rings 1 and 3 or run on a segment that is not
 * flat. The net below (trap.c, exit_fault; tramp.S, from_vmm) must still
 * work, and must leave nothing on the shared entry stack. So with
 * selftest=exitfault on the VMM command line, a domain whose own command
 * line says exitfault=KIND gets a frame the exit path cannot load, at
 * build time; its very first return faults:
 *   gs, fs, es, ds   that data register holds the VMM's TSS selector: the
 *                    pop in resume_guest raises #GP
 *   cs, ss           the iret's code or stack selector is the TSS's, with
 *                    RPL 1: the iret raises #GP
 * Without selftest=exitfault the step does nothing.
 */
#include <lib/cmdline.h>
#include <lib/string.h>
#include <vmm/builder.h>
#include <vmm/domain.h>
#include <vmm/registry.h>
#include <vmm/segments.h>
#include <vmm/trap.h>

static int armed;

/* Replaces lab 1's weak selftest_arm (selftest.c). */
int selftest_arm(const char *what);
int selftest_arm(const char *what)
{
	if (strcmp(what, "exitfault"))
		return 0;
	armed = 1;
	return 1;
}

static int break_exit_frame(struct domain *d, struct build_info *b)
{
	struct cpu_regs *r = vcpu_regs(&d->vcpu);
	char kind[4];

	if (!armed || !b->cfg->args ||
	    !cmdline_get(b->cfg->args, "exitfault", kind, sizeof(kind)))
		return 0;
	if (!strcmp(kind, "gs"))
		r->gs = VMM_TSS;
	else if (!strcmp(kind, "fs"))
		r->fs = VMM_TSS;
	else if (!strcmp(kind, "es"))
		r->es = VMM_TSS;
	else if (!strcmp(kind, "ds"))
		r->ds = VMM_TSS;
	else if (!strcmp(kind, "cs"))
		r->cs = VMM_TSS | 1;
	else if (!strcmp(kind, "ss"))
		r->ss = VMM_TSS | 1;
	return 0;
}
BUILD_STEP(95, break_exit_frame);
