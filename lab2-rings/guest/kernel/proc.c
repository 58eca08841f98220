/*
 * Processes and the round-robin scheduler, as in xv6 but without
 * interrupts: a process runs until it makes a system call that gives up
 * the CPU (yield, sleep, exit) or until it faults.
 *
 * The scheduler runs on the boot stack, each process on its own kernel
 * stack. Switching is two swtch calls: process -> scheduler -> process.
 * Invariant: while a process runs, the stack the platform gives an entry
 * from user mode (stack_switch) is the top of that process's kernel
 * stack, and that stack holds nothing below the trapframe of the entry.
 */
#include <stdarg.h>
#include <lib/printfmt.h>
#include <lib/string.h>
#include <guest/console.h>
#include <guest/platform.h>
#include <kernel.h>

#define EFLAGS_IF 0x200

struct proc *cur;
static struct proc procs[NPROC];
static uint8_t kstacks[NPROC][KSTACK_SIZE] __aligned(16);
/* The scheduler's own context, saved by run(). */
static struct context *scheduler_context;
/* The stack that stack_switch was told last. */
static uint32_t kstack_loaded;

/*
 * A new process: its kernel stack gets the trapframe of an entry from
 * user mode at `entry` with stack `sp`, and below it a context that
 * "returns" to trapret. The first swtch to it thus goes to user mode.
 */
struct proc *proc_create(const char *name, uint32_t entry, uint32_t sp)
{
	struct proc *p = NULL;
	struct trapframe *tf;
	struct context *c;

	for (int i = 0; i < NPROC && !p; i++)
		if (procs[i].state == P_FREE)
			p = &procs[i];
	if (!p)
		return NULL;
	memset(p, 0, sizeof(*p));
	p->pid = (int)(p - procs) + 1;
	strlcpy(p->name, name, sizeof(p->name));
	p->kstack_top = (uint32_t)kstacks[p->pid - 1] + KSTACK_SIZE;

	tf = (struct trapframe *)p->kstack_top - 1;
	memset(tf, 0, sizeof(*tf));
	tf->ds = tf->es = platform->user_ds;
	tf->eip = entry;
	tf->cs = platform->user_cs;
	tf->eflags = EFLAGS_IF;
	tf->esp = sp;
	tf->ss = platform->user_ds;

	c = (struct context *)tf - 1;
	memset(c, 0, sizeof(*c));
	c->eip = (uint32_t)trapret;
	p->context = c;
	p->state = P_RUNNABLE;
	return p;
}

/* The next runnable process after the one picked last, or NULL. */
static struct proc *pick_next(void)
{
	static int last = NPROC - 1;

	for (int i = 1; i <= NPROC; i++) {
		int n = (last + i) % NPROC;

		if (procs[n].state == P_RUNNABLE) {
			last = n;
			return &procs[n];
		}
	}
	return NULL;
}

/* Runs p until it gives up the CPU. */
static void run(struct proc *p)
{
	int rc;

	if (p->kstack_top != kstack_loaded) {
		rc = platform->stack_switch(p->kstack_top);
		if (rc)
			panic("stack_switch refused pid %d's stack (%d)",
			      p->pid, rc);
		kstack_loaded = p->kstack_top;
	}
	p->state = P_RUNNING;
	cur = p;
	swtch(&scheduler_context, p->context);
	cur = NULL;
}

/* Runs the processes, round robin, until none is left. */
void scheduler(void)
{
	struct proc *p;

	while ((p = pick_next()))
		run(p);
}

/* From the running process to the scheduler; returns when the process
 * is picked again (never if it is done). */
static void sched(void)
{
	swtch(&cur->context, scheduler_context);
}

void yield(void)
{
	cur->state = P_RUNNABLE;
	sched();
}

/* Ends the running process; the scheduler never picks it again. */
static __noreturn void finish(void)
{
	cur->state = P_DONE;
	sched();
	panic("a finished process ran again");
}

__noreturn void proc_exit(int status)
{
	console_flush_proc(cur);
	printf("kernel: pid %d (%s) exited with status %d\n", cur->pid,
	       cur->name, status);
	finish();
}

/* Ends the running process for a reason, printed as
 * "kernel: pid N (name) killed: <reason>". */
__noreturn void proc_kill(const char *fmt, ...)
{
	char why[100];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	console_flush_proc(cur);
	printf("kernel: pid %d (%s) killed: %s\n", cur->pid, cur->name, why);
	finish();
}
