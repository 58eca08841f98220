/*
 * Processes and the round-robin scheduler, as in xv6 but without
 * interrupts: a process runs until it makes a system call that gives up
 * the CPU (yield, sleep, exit; from lab 3 wait) or until it faults.
 *
 * The scheduler runs on the boot stack, each process on its own kernel
 * stack and in its own memory (kernel.h's memory model). Switching is two
 * swtch calls: process -> scheduler -> process. Invariants: while a
 * process runs, its memory is the current one (vm_switch), and the stack
 * an entry from user mode lands on (stack_switch) is the top of the
 * process's kernel stack, which holds nothing below the trapframe of the
 * entry. The scheduler itself runs in whichever memory was current (the
 * kernel is mapped in all of them).
 */
#include <stdarg.h>
#include <lib/printfmt.h>
#include <lib/string.h>
#include <guest/batch.h>
#include <guest/console.h>
#include <guest/platform.h>
#include <guest/syscall.h>
#include <kernel.h>

#define EFLAGS_IF 0x200

struct proc *cur;
int kernel_reaped_status;
static struct proc procs[NPROC];
static int next_pid = 1;
/* The scheduler's own context, saved by run(). */
static struct context *scheduler_context;
/* The stack that stack_switch was told last. */
static uint32_t kstack_loaded;

/* Hooks of kernel.h: before lab 4, nothing interrupts the kernel. */
__weak unsigned long crit_enter(void)
{
	return 0;
}

__weak void crit_exit(unsigned long saved)
{
	(void)saved;
}

/* Hook of kernel.h: before lab 4, a process that waits while none can
 * run waits forever. */
__weak void idle(void)
{
	for (int i = 0; i < NPROC; i++)
		if (procs[i].state != P_FREE)
			panic("pid %d is stuck", procs[i].pid);
}

/* Where p is in the process table: 0 .. NPROC - 1. */
int proc_index(const struct proc *p)
{
	return (int)(p - procs);
}

/* The trapframe of p's entries from user mode: at the top of its stack. */
struct trapframe *proc_tf(struct proc *p)
{
	return (struct trapframe *)p->kstack_top - 1;
}

/* Where a new process starts, from the scheduler's swtch: it leaves the
 * scheduler's critical section (as sched() does for a process that ran
 * before), then returns to trapret, which enters user mode. */
static void forkret(void)
{
	crit_exit(0);
}

/* A free slot with a new pid, a kernel stack and a first context that
 * "returns" to forkret, and from there to trapret with the trapframe
 * *tf: the first swtch to it thus goes to user mode. Still P_FREE: the
 * caller gives it memory and makes it runnable. NULL when out of slots
 * or kernel stacks. */
struct proc *proc_alloc(const char *name, const struct trapframe *tf)
{
	struct proc *p = NULL;
	struct trapframe *ntf;
	uint32_t *ret;
	struct context *c;

	for (int i = 0; i < NPROC && !p; i++)
		if (procs[i].state == P_FREE)
			p = &procs[i];
	if (!p)
		return NULL;
	memset(p, 0, sizeof(*p));
	p->kstack_top = kstack_alloc(p);
	if (!p->kstack_top)
		return NULL;
	p->pid = next_pid++;
	strlcpy(p->name, name, sizeof(p->name));
	ntf = proc_tf(p);
	*ntf = *tf;
	ret = (uint32_t *)ntf - 1;
	*ret = (uint32_t)trapret;
	c = (struct context *)ret - 1;
	memset(c, 0, sizeof(*c));
	c->eip = (uint32_t)forkret;
	p->context = c;
	return p;
}

/* A new process running `entry` in the memory vm (built, not yet
 * activated), which it takes over. NULL if no slot is free. */
struct proc *proc_create(const char *name, struct vm *vm, uint32_t entry)
{
	struct trapframe tf = {
		.ds = platform->user_ds,
		.es = platform->user_ds,
		.eip = entry,
		.cs = platform->user_cs,
		.eflags = EFLAGS_IF,
		.esp = vm_stack_top(vm),
		.ss = platform->user_ds,
	};
	struct proc *p = proc_alloc(name, &tf);

	if (!p)
		return NULL;
	vm_activate(vm);
	p->vm = *vm;
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

/* Releases what a zombie holds but its slot; its parent (if any) may
 * then reap it, the kernel does at once if it has none. */
static void release(struct proc *p)
{
	vm_free(&p->vm);
	kstack_free(p);
	p->kstack_top = 0;
	if (!p->parent)
		p->state = P_FREE;
	else
		proc_wake(p->parent);
}

/* Runs p until it gives up the CPU. Its memory and its kernel stack are
 * made current in one batch of hypercalls (guest/batch.h): one VMM
 * entry for both once lab 4 batches them. */
static void run(struct proc *p)
{
	int rc;

	batch_begin();
	vm_switch(&p->vm);
	if (p->kstack_top != kstack_loaded) {
		rc = platform->stack_switch(p->kstack_top);
		if (rc)
			panic("stack_switch refused pid %d's stack (%d)",
			      p->pid, rc);
		kstack_loaded = p->kstack_top;
	}
	batch_end();
	p->state = P_RUNNING;
	cur = p;
	swtch(&scheduler_context, p->context);
	cur = NULL;
	if (p->state == P_ZOMBIE)
		release(p);
}

/* Whether any process is still alive. */
static int alive(void)
{
	for (int i = 0; i < NPROC; i++)
		if (procs[i].state != P_FREE)
			return 1;
	return 0;
}

/* Runs the processes, round robin, until none is left. */
void scheduler(void)
{
	for (;;) {
		unsigned long saved = crit_enter();
		struct proc *p = pick_next();
		int done = !p && !alive();

		if (p)
			run(p);
		else if (!done)
			idle();
		crit_exit(saved);
		if (done)
			return;
	}
}

/* From the running process to the scheduler; returns when the process
 * is picked again (never if it is done). */
static void sched(void)
{
	unsigned long saved = crit_enter();

	swtch(&cur->context, scheduler_context);
	crit_exit(saved);
}

void yield(void)
{
	cur->state = P_RUNNABLE;
	sched();
}

/* The running process waits until proc_wake: inside a critical section
 * if what it waits for may come from an asynchronous entry (lab 4). */
void proc_sleep(void)
{
	cur->state = P_WAITING;
	sched();
}

void proc_wake(struct proc *p)
{
	if (p->state == P_WAITING)
		p->state = P_RUNNABLE;
}

/* wait: reaps a child that ended: its pid, its status in *status; or
 * -ECHILD if the caller has no child. Sleeps while all are running. */
long proc_wait(int *status)
{
	for (;;) {
		int children = 0;

		for (int i = 0; i < NPROC; i++) {
			struct proc *p = &procs[i];

			if (p->state == P_FREE || p->parent != cur)
				continue;
			children++;
			if (p->state == P_ZOMBIE) {
				*status = p->status;
				p->state = P_FREE;
				return p->pid;
			}
		}
		if (!children)
			return -ECHILD;
		proc_sleep();
	}
}

/* Ends the running process: its children go to the kernel, and the
 * scheduler never picks it again. */
static __noreturn void finish(int status)
{
	for (int i = 0; i < NPROC; i++) {
		if (procs[i].state == P_FREE || procs[i].parent != cur)
			continue;
		procs[i].parent = NULL;
		if (procs[i].state == P_ZOMBIE)
			procs[i].state = P_FREE;
	}
	if (!cur->parent)
		kernel_reaped_status = status;
	cur->status = status;
	cur->state = P_ZOMBIE;
	sched();
	panic("a finished process ran again");
}

/* exit: the status goes to the parent's wait; without a parent, it is
 * printed. */
__noreturn void proc_exit(int status)
{
	console_flush_proc(cur);
	if (!cur->parent)
		printf("kernel: pid %d (%s) exited with status %d\n", cur->pid,
		       cur->name, status);
	finish(status);
}

/* Ends the running process for a reason, printed as
 * "kernel: pid N (name) killed: <reason>"; its status is -1. */
__noreturn void proc_kill(const char *fmt, ...)
{
	char why[100];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	console_flush_proc(cur);
	printf("kernel: pid %d (%s) killed: %s\n", cur->pid, cur->name, why);
	finish(-1);
}
