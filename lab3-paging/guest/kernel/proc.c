/*
 * Processes and the round-robin scheduler, as in xv6 but without
 * interrupts: a process runs until it makes a system call that gives up
 * the CPU (yield, sleep, wait, exit) or until it faults.
 *
 * The scheduler runs on the boot stack, each process on its own kernel
 * stack and in its own address space. Switching is two swtch calls:
 * process -> scheduler -> process. Invariants: while a process runs, the
 * platform's current address space is the process's, and the stack an
 * entry from user mode lands on (stack_switch) is the top of the
 * process's kernel stack, which holds nothing below the trapframe of the
 * entry. The scheduler itself runs in whichever address space was current
 * (their kernel halves are all the same).
 */
#include <stdarg.h>
#include <lib/printfmt.h>
#include <lib/string.h>
#include <guest/console.h>
#include <guest/platform.h>
#include <guest/platform_mm.h>
#include <guest/syscall.h>
#include <public/errno.h>
#include <kernel.h>

#define EFLAGS_IF 0x200

struct proc *cur;
int kernel_reaped_status;
static struct proc procs[NPROC];
static int next_pid = 1;
/* The scheduler's own context, saved by run(). */
static struct context *scheduler_context;
/* What the platform was told last: the address space, the stack. */
static uint32_t *l2_loaded, kstack_loaded;

/* The trapframe of p's entries from user mode: at the top of its stack. */
static struct trapframe *proc_tf(struct proc *p)
{
	return (struct trapframe *)((char *)p->kstack + PAGE_SIZE) - 1;
}

/* A free slot with a new pid, a kernel stack and a first context that
 * "returns" to trapret with the trapframe *tf: the first swtch to it
 * thus goes to user mode. NULL when out of slots or memory. */
static struct proc *proc_alloc(const char *name, const struct trapframe *tf)
{
	struct proc *p = NULL;
	struct trapframe *ntf;
	struct context *c;

	for (int i = 0; i < NPROC && !p; i++)
		if (procs[i].state == P_FREE)
			p = &procs[i];
	if (!p)
		return NULL;
	memset(p, 0, sizeof(*p));
	p->kstack = page_alloc();
	if (!p->kstack)
		return NULL;
	p->pid = next_pid++;
	strlcpy(p->name, name, sizeof(p->name));
	ntf = proc_tf(p);
	*ntf = *tf;
	c = (struct context *)ntf - 1;
	memset(c, 0, sizeof(*c));
	c->eip = (uint32_t)trapret;
	p->context = c;
	return p;
}

/* A new process running `entry` in the address space vm (built, not yet
 * activated), which it takes over. NULL if no slot is free. */
struct proc *proc_create(const char *name, struct vm *vm, uint32_t entry)
{
	struct trapframe tf = {
		.ds = platform->user_ds,
		.es = platform->user_ds,
		.eip = entry,
		.cs = platform->user_cs,
		.eflags = EFLAGS_IF,
		.esp = USER_STACK_TOP,
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

static void load_l2(uint32_t *l2)
{
	int rc;

	if (l2 == l2_loaded)
		return;
	rc = platform_mm->new_baseptr(l2);
	if (rc)
		panic("new_baseptr refused an address space (%d)", rc);
	l2_loaded = l2;
}

/* Releases what a zombie holds but its slot; its parent (if any) may
 * then reap it, the kernel does at once if it has none. */
static void release(struct proc *p)
{
	if (l2_loaded == p->vm.l2)
		load_l2(kernel_l2);
	vm_free(&p->vm);
	page_put(p->kstack);
	p->kstack = NULL;
	if (!p->parent)
		p->state = P_FREE;
	else if (p->parent->state == P_WAITING)
		p->parent->state = P_RUNNABLE;
}

/* Runs p until it gives up the CPU. */
static void run(struct proc *p)
{
	uint32_t top = (uint32_t)p->kstack + PAGE_SIZE;
	int rc;

	load_l2(p->vm.l2);
	if (top != kstack_loaded) {
		rc = platform->stack_switch(top);
		if (rc)
			panic("stack_switch refused pid %d's stack (%d)",
			      p->pid, rc);
		kstack_loaded = top;
	}
	p->state = P_RUNNING;
	cur = p;
	swtch(&scheduler_context, p->context);
	cur = NULL;
	if (p->state == P_ZOMBIE)
		release(p);
}

/* Runs the processes, round robin, until none is left. */
void scheduler(void)
{
	struct proc *p;

	l2_loaded = kernel_l2;
	while ((p = pick_next()))
		run(p);
	for (int i = 0; i < NPROC; i++)
		if (procs[i].state != P_FREE)
			panic("pid %d is stuck", procs[i].pid);
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

/* fork: a copy of the running process, which gets 0 from the system
 * call where the parent gets the child's pid; or -EAGAIN, -ENOMEM. */
long proc_fork(const struct trapframe *tf)
{
	struct proc *p = proc_alloc(cur->name, tf);

	if (!p)
		return -EAGAIN;
	if (vm_fork(&cur->vm, &p->vm)) {
		page_put(p->kstack);
		p->state = P_FREE;
		return -ENOMEM;
	}
	proc_tf(p)->eax = 0;
	p->parent = cur;
	p->state = P_RUNNABLE;
	return p->pid;
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
		cur->state = P_WAITING;
		sched();
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
