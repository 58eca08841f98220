/*
 * The provided guest kernel's own interfaces (like xv6's defs.h): traps,
 * processes, system calls, the loader of the embedded user programs, and
 * the hook points where later labs plug in. One kernel serves every lab
 * from lab 2 on: a later lab adds files, it does not copy these.
 *
 *   - The memory of processes is the one part a lab replaces whole:
 *     vm.h (struct vm) and vm_hooks.c implement "The memory model" below;
 *     lab 2's is the user window all processes share, lab 3's an address
 *     space per process.
 *   - Everything else a lab adds registers itself (system calls, steps at
 *     boot and at the end; see "Registration tables") or replaces a weak
 *     default (the marked hooks).
 */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdint.h>
#include <lib/compiler.h>
#include <vm.h>

/* What an entry into the kernel leaves on the kernel stack (entry.S),
 * from the lowest address up: the registers saved by entry.S, then what
 * the CPU or the VMM pushed. */
struct trapframe {
	uint32_t edi, esi, ebp, oesp, ebx, edx, ecx, eax; /* pushal */
	uint32_t gs, fs, es, ds;
	uint32_t vector;
	uint32_t error; /* 0 where the CPU pushes none */
	uint32_t eip, cs, eflags;
	uint32_t esp, ss; /* only from user mode (cs & 3 == 3) */
};

/* The registers swtch saves: the callee-saved ones and the return
 * address. A process that is not running has one on its kernel stack. */
struct context {
	uint32_t edi, esi, ebx, ebp, eip;
};

/*
 * FREE -> RUNNABLE <-> RUNNING -> ZOMBIE -> FREE
 *            ^            |
 *            +- WAITING <-+  (in proc_sleep, until proc_wake)
 * A zombie keeps only its slot (pid, status) for its parent's wait: the
 * scheduler releases everything else as soon as the zombie is off the
 * CPU, before any other process runs, and the slot too if it has no
 * parent. Only lab 3's fork makes parents.
 */
enum proc_state { P_FREE, P_RUNNABLE, P_RUNNING, P_WAITING, P_ZOMBIE };

#define NPROC	 16
#define LINE_MAX 100 /* a process's console line, without the prefix */

struct proc {
	enum proc_state state;
	int pid;		 /* 1, 2, ... never reused */
	char name[16];		 /* the program's */
	struct proc *parent;	 /* NULL: the kernel reaps it */
	int status;		 /* for a zombie: its exit status */
	struct vm vm;		 /* its memory (vm.h) */
	uint32_t kstack_top;	 /* its kernel stack: entries land here */
	struct context *context; /* saved by swtch while not running */
	char line[LINE_MAX];	 /* console output up to the next newline */
	unsigned line_len;
};

/* The running process, or NULL while the scheduler runs. */
extern struct proc *cur;
/* The exit status of the last process the kernel reaped itself. */
extern int kernel_reaped_status;

/* entry.S */
extern const uint32_t trap_stubs[20]; /* handlers of exceptions 0..19 */
void syscall_entry(void);	      /* the handler of int $0x80 */
void trapret(void);		      /* pops a trapframe and irets */
void swtch(struct context **save, struct context *to);

/* trap.c */
void trap_init(void);
void trap(struct trapframe *tf);

/* proc.c */
struct proc *proc_alloc(const char *name, const struct trapframe *tf);
struct proc *proc_create(const char *name, struct vm *vm, uint32_t entry);
/* p's slot in the process table, 0..NPROC-1: a later lab that keeps
 * something per process keeps it in an array of its own, indexed so. */
int proc_index(const struct proc *p);
struct trapframe *proc_tf(struct proc *p);
void scheduler(void);
void yield(void);
void proc_sleep(void);
void proc_wake(struct proc *p);
long proc_wait(int *status);
__noreturn void proc_exit(int status);
__noreturn void proc_kill(const char *fmt, ...) __printf(1, 2);

/* syscall.c */
void syscall(struct trapframe *tf);
void console_flush_proc(struct proc *p);

/* loader.c */
void load_programs(void);

/* elf_check.c */
struct elf32_ehdr;
/* Whether [va, va + len) lies in [lo, hi). */
int in_range(uint32_t va, uint32_t len, uint32_t lo, uint32_t hi);
/* Checks the ELF header of an image of `size` bytes; NULL or a reason. */
const char *elf_check_header(const struct elf32_ehdr *eh, uint32_t size);

/* main.c */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

/*
 * The memory model: how processes get memory. Each lab that changes it
 * provides the whole of it, in its vm.h (struct vm) and vm_hooks.c: lab
 * 2's is the user window that every process shares, lab 3's an address
 * space per process. The rest of the kernel knows only these functions.
 */
/* Where program i of user_programs may lie: [*lo, *hi); NULL or why not. */
const char *vm_area(int i, uint32_t *lo, uint32_t *hi);
/* An empty memory in *vm for program i, whose image ends at `end`; 0 or
 * -ENOMEM. */
int vm_new(struct vm *vm, int i, uint32_t end);
/* Gives the new memory [va, va + memsz) the filesz bytes at src, zeroes
 * the rest, writable if asked; 0 or -ENOMEM (then vm_free frees it). */
int vm_copy(struct vm *vm, uint32_t va, const void *src, uint32_t filesz,
	    uint32_t memsz, int writable);
/* Where the stack of a process with this memory starts. */
uint32_t vm_stack_top(const struct vm *vm);
/* The memory is complete: from now on a process may run in it. */
void vm_activate(struct vm *vm);
/* The memory of the process about to run becomes the current one. */
void vm_switch(struct vm *vm);
/* Frees it all (lab 2: nothing to free). */
void vm_free(struct vm *vm);
/* A new kernel stack for p: the address of its top, or 0 if none is
 * left; and back. */
uint32_t kstack_alloc(struct proc *p);
void kstack_free(struct proc *p);
/* Whether the running process may pass [va, va + len) to the kernel. */
int user_buffer_ok(uint32_t va, uint32_t len);

/*
 * Hooks with a weak default, which a later lab replaces by defining the
 * function in a file of its own.
 */
/* A user page fault the kernel can resolve (lab 3: demand-zero and
 * copy-on-write memory): 0 if resolved, else -EFAULT, or -ENOMEM if it
 * should have been but memory ran out. trap.c's resolves none. */
int user_page_fault(uint32_t va, int write);
/* Whether the loader starts the program of that name (loader.c's: every
 * one; lab 3's bench.c: only the benchmark when asked for it). */
int program_wanted(const char *name);
/* Whether a later lab lets the program of that name run when no
 * benchmark is asked for (lab 3's bench.c asks, and its default lets
 * every one; lab 5's time_programs.c: its own only with "time", and
 * then only they). */
int program_allowed(const char *name);
/* Critical sections: while one runs, the kernel takes no asynchronous
 * entry (lab 4: event upcalls are masked). crit_enter returns what
 * crit_exit restores, so sections nest; crit_exit(0) ends them all. The
 * scheduler holds one while it picks and switches, and so does a process
 * from the moment it gives up the CPU until it runs again (a new process
 * leaves it before its first entry into user mode). proc.c's do nothing:
 * before lab 4 nothing interrupts the kernel. */
unsigned long crit_enter(void);
void crit_exit(unsigned long saved);
/* Called inside the scheduler's critical section when processes are
 * alive but none can run: it waits until something may have made one
 * runnable (lab 4: unmask events and block in one step, as SCHEDOP_block
 * does, and mask them again), then returns. proc.c's panics: before lab
 * 4 nothing can wake a process then. */
void idle(void);

/*
 * Registration tables: how a later lab's file adds to the kernel without
 * editing an earlier lab's (as the VMM's include/vmm/registry.h). A file
 * defines an entry with one of these macros:
 *
 *   SYSCALL(nr, fn)       system call nr is long fn(tf) (syscall.c)
 *   BOOT_STEP(prio, fn)   fn() at boot, once the trap table is installed
 *                         and before the programs are loaded (main.c)
 *   END_STEP(prio, fn)    fn() when every process is done, before the
 *                         kernel says goodbye (main.c)
 *
 * Steps run lowest prio first (0..99). Each table is a section of its
 * own, named after it: the linker puts all its entries together and,
 * since the name is a C identifier, defines __start_<name> and
 * __stop_<name> around them (GNU ld does, without the linker script
 * naming the section).
 */
struct syscall_entry {
	uint32_t nr;
	long (*fn)(struct trapframe *tf);
};

struct step_entry {
	int prio;
	void (*fn)(void);
};

#define KERNEL_ENTRY(table, type, fn)                                  \
	static const struct type table##_##fn __used __section(#table) \
		__aligned(4)
#define SYSCALL(nr, fn) \
	KERNEL_ENTRY(syscall_table, syscall_entry, fn) = { (nr), (fn) }
#define BOOT_STEP(prio, fn) \
	KERNEL_ENTRY(boot_steps, step_entry, fn) = { (prio), (fn) }
#define END_STEP(prio, fn) \
	KERNEL_ENTRY(end_steps, step_entry, fn) = { (prio), (fn) }

/* The tables, between the linker's symbols (weak: a table nobody
 * registers in has no section, and both are then 0). */
extern const struct syscall_entry __start_syscall_table[] __weak,
	__stop_syscall_table[] __weak;
extern const struct step_entry __start_boot_steps[] __weak,
	__stop_boot_steps[] __weak, __start_end_steps[] __weak,
	__stop_end_steps[] __weak;

#endif
