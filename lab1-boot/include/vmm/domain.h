/*
 * Domains and their virtual CPUs. A domain is a running virtual machine:
 * its memory (machine frames, reached through its pfn -> mfn map), its
 * address space and one vCPU. Domain ids are boot-module indices.
 */
#ifndef VMM_DOMAIN_H
#define VMM_DOMAIN_H

#include <vmm/ext.h>
#include <vmm/regs.h>
#include <vmm/types.h>
#include <public/xen.h>

#define MAX_DOMAINS	 8
#define MAX_DOMAIN_PAGES 16384 /* 64 MiB */
#define VCPU_STACK_SIZE	 8192  /* the vCPU's VMM stack */
#define CONSOLE_LINE_MAX 160   /* longer guest lines are split */

enum domain_state {
	DOM_FREE,    /* slot unused */
	DOM_RUNNING, /* built; may run */
	DOM_DYING,   /* lab 4: destroyed; tables still being released */
	DOM_DEAD,    /* shut down or destroyed; memory released */
};

struct vcpu {
	struct domain *domain;
	uint32_t saved_esp;  /* VMM stack pointer while switched out */
	uint32_t stack_top;  /* top of the VMM stack; the guest frame
			      * (struct cpu_regs) lies just below it */
	paddr_t cr3;	     /* machine address of the guest's L2 */
	struct vcpu_ext ext; /* later labs: include/vmm/ext.h */
	uint8_t stack[VCPU_STACK_SIZE] __attribute__((aligned(16)));
};

/* What the domain builder was asked for (from the module command line). */
struct domain_config {
	char name[32];	   /* image file name, without directories */
	uint32_t nr_pages; /* memory, from mem= (default 4 MiB) */
	const char *args;  /* what follows the image name */
	const void *image; /* the module, in the direct map */
	uint32_t image_len;
};

struct domain {
	domid_t id;
	enum domain_state state;
	char name[32];
	uint32_t nr_pages;	     /* pseudo-physical frames 0..nr_pages-1 */
	mfn_t p2m[MAX_DOMAIN_PAGES]; /* the VMM's own pfn -> mfn map: the
				      * guest's copy is not trusted */
	mfn_t perdomain_l1;	     /* L1 of the per-domain hole slot */
	int shutdown_reason;	     /* SHUTDOWN_*, or -1 if destroyed */
	char exit_why[120];	     /* for the summary line */
	uint32_t vmm_entries;	     /* traps into the VMM, for the summary */
	struct vcpu vcpu;
	struct domain_ext ext;		 /* later labs: include/vmm/ext.h */
	char con_line[CONSOLE_LINE_MAX]; /* console_io line buffer */
	uint32_t con_len;
};

extern struct domain domains[MAX_DOMAINS];

/* The vCPU running now (the idle vCPU when no guest runs). */
extern struct vcpu *current;

static inline struct cpu_regs *vcpu_regs(struct vcpu *v)
{
	return (struct cpu_regs *)(uintptr_t)(v->stack_top - REGS_SIZE);
}

/* Frees every frame of d and marks it dead; d must not be running on
 * return to a guest. Runs the TEARDOWN_STEP hooks first. Before them,
 * domain_relinquish (a weak default that does nothing; lab 4 releases
 * the page tables there, a budget at a time) may stop half way: d is then
 * left DOM_DYING, off the run queue, counted in domains_dying, and
 * domain_reap calls domain_destroy again until it is done. */
void domain_destroy(struct domain *d);
int domain_relinquish(struct domain *d);
void domain_reap(void);
extern unsigned domains_dying;

/* Ends d because of its own request (sched_op shutdown). */
void domain_shutdown(struct domain *d, unsigned int reason);

/* Ends d because it broke a rule: prints why, and the guest registers (with
 * cr2, the faulting address of a page fault) if regs is given, then
 * destroys it. */
void domain_crash(struct domain *d, const struct cpu_regs *regs, uint32_t cr2,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Prints one summary line per domain; returns how many failed. */
int domains_summary(void);

/* Called after each domain's summary line (a weak default that prints
 * nothing; lab 4 prints the domain's longest stay in the VMM). */
void domain_summary_more(struct domain *d);

/* Prints what the guest has written to its console line buffer. */
void domain_console_flush(struct domain *d);

#endif
