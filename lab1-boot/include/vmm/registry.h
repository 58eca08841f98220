/*
 * Registration tables: how a later lab adds to the VMM without editing an
 * earlier lab's files. A file defines an entry with one of the macros
 * below; the linker script (vmm.ld) gathers all entries of a table into
 * one array, sorted by the priority in the section name, between the
 * symbols __<table>_start and __<table>_end.
 *
 *   HYPERCALL(nr, fn)        hypercall nr is handled by fn (hypercall.c)
 *   SUBOP(hc, cmd, fn)       sub-command cmd of hypercall hc (e.g. sched_op)
 *   INITCALL(prio, fn)       fn() runs at boot, lowest prio first (main.c)
 *   BUILD_STEP(prio, fn)     fn(d, b) runs when a domain is built (builder.c)
 *   TEARDOWN_STEP(prio, fn)  fn(d) runs when a domain dies (domain.c)
 *   SWITCH_HOOK(prio, fn)    fn(next) runs before a vCPU runs (sched.c)
 *   GUEST_ENTRY(prio, fn)    fn(regs) runs when a guest enters the VMM
 *                            (vmm/entry.h: guest_entered)
 *   GUEST_RESUME(prio, fn)   fn(v, regs) runs before every return to a guest
 *                            (vmm/entry.h: leave_to_guest); each costs a
 *                            call on every entry or return: work that must
 *                            be cheap goes in vmm/entry_ext.h instead
 *
 * Priorities are two-digit decimal numbers so that sorting by name sorts
 * them numerically.
 */
#ifndef VMM_REGISTRY_H
#define VMM_REGISTRY_H

#include <lib/compiler.h>

struct domain;
struct vcpu;
struct build_info;

/* Every hypercall handler is called with the five argument registers
 * (ebx, ecx, edx, esi, edi); it declares as many as it uses (see
 * hypercall.c for why that is safe). */
typedef long (*hypercall_fn)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long);
typedef long (*subop_fn)(unsigned long arg);

struct hypercall_entry {
	unsigned int nr;
	hypercall_fn fn;
	const char *name;
};

struct subop_entry {
	unsigned int hypercall;
	unsigned int cmd;
	subop_fn fn;
};

struct initcall_entry {
	void (*fn)(void);
	const char *name;
};

struct build_step_entry {
	int (*fn)(struct domain *d, struct build_info *b); /* 0 or -errno */
	const char *name;
};

struct teardown_step_entry {
	void (*fn)(struct domain *d);
};

struct switch_hook_entry {
	void (*fn)(struct vcpu *next);
};

struct cpu_regs;

struct guest_entry_entry {
	void (*fn)(struct cpu_regs *regs);
};

struct guest_resume_entry {
	void (*fn)(struct vcpu *v, struct cpu_regs *regs);
};

/* Host unit tests reach the entries by name: there they are global. */
#ifdef HOST_UNIT_TEST
#define REGISTRY_STORAGE
#else
#define REGISTRY_STORAGE static
#endif

#define REGISTRY_ENTRY(table, prio, id)                                  \
	REGISTRY_STORAGE const struct table##_entry id __used __section( \
		".tab." #table "." #prio) __aligned(sizeof(void *))

/* Casts through the generic function type void (*)(void), which GCC
 * accepts between unrelated function types. */
#define HYPERCALL(nr_, fn_)                                      \
	REGISTRY_ENTRY(hypercall, 00, hypercall_##fn_) = {       \
		(nr_), (hypercall_fn)(void (*)(void))(fn_), #fn_ \
	}
#define SUBOP(hc_, cmd_, fn_) \
	REGISTRY_ENTRY(subop, 00, subop_##fn_) = { (hc_), (cmd_), (fn_) }
#define INITCALL(prio, fn_) \
	REGISTRY_ENTRY(initcall, prio, initcall_##fn_) = { (fn_), #fn_ }
#define BUILD_STEP(prio, fn_) \
	REGISTRY_ENTRY(build_step, prio, build_step_##fn_) = { (fn_), #fn_ }
#define TEARDOWN_STEP(prio, fn_) \
	REGISTRY_ENTRY(teardown_step, prio, teardown_##fn_) = { (fn_) }
#define SWITCH_HOOK(prio, fn_) \
	REGISTRY_ENTRY(switch_hook, prio, switch_hook_##fn_) = { (fn_) }
#define GUEST_ENTRY(prio, fn_) \
	REGISTRY_ENTRY(guest_entry, prio, guest_entry_##fn_) = { (fn_) }
#define GUEST_RESUME(prio, fn_) \
	REGISTRY_ENTRY(guest_resume, prio, guest_resume_##fn_) = { (fn_) }

/* The arrays, delimited by the linker script. */
#define DECLARE_TABLE(table) \
	extern const struct table##_entry __##table##_start[], __##table##_end[]
#define for_each_entry(table, e)                                \
	for (const struct table##_entry *e = __##table##_start; \
	     e < __##table##_end; e++)

DECLARE_TABLE(hypercall);
DECLARE_TABLE(subop);
DECLARE_TABLE(initcall);
DECLARE_TABLE(build_step);
DECLARE_TABLE(teardown_step);
DECLARE_TABLE(switch_hook);
DECLARE_TABLE(guest_entry);
DECLARE_TABLE(guest_resume);

#endif
