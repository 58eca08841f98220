/*
 * The provided guest kernel's own interfaces (like xv6's defs.h): traps,
 * processes and their address spaces, the page allocator, system calls
 * and the loader of the embedded user programs.
 */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdint.h>
#include <lib/compiler.h>
#include <memlayout.h>

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

/* A process's address space (vm.c). */
struct vm {
	uint32_t *l2;	     /* its L2 table */
	uint32_t heap_start; /* the end of the program image */
	uint32_t brk;	     /* the end of the heap */
	int live;	     /* pinned: changed only through the platform */
};

/*
 * FREE -> RUNNABLE <-> RUNNING -> ZOMBIE -> FREE
 *            ^            |
 *            +- WAITING <-+  (in wait, until a child ends)
 * A zombie keeps only its slot (pid, status) for its parent's wait: the
 * scheduler releases everything else as soon as the zombie is off the
 * CPU, before any other process runs.
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
	struct vm vm;		 /* its address space */
	void *kstack;		 /* its kernel stack: one page */
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

/* page.c */
void page_init(void);
void *page_alloc(void);
void page_get(void *page);
void page_put(void *page);
unsigned page_refs(const void *page);
unsigned pages_free(void);
unsigned pages_total(void);

/* vm.c */
extern uint32_t *kernel_l2;
void vm_init(void);
int vm_create(struct vm *vm);
void *vm_page(struct vm *vm, uint32_t va, int writable);
void vm_activate(struct vm *vm);
int vm_fault(struct vm *vm, uint32_t va, int write);
int vm_user_ok(struct vm *vm, uint32_t va, uint32_t len);
int vm_fork(struct vm *parent, struct vm *child);
long vm_sbrk(struct vm *vm, int32_t n);
void vm_free(struct vm *vm);

/* proc.c */
struct proc *proc_create(const char *name, struct vm *vm, uint32_t entry);
void scheduler(void);
void yield(void);
long proc_fork(const struct trapframe *tf);
long proc_wait(int *status);
__noreturn void proc_exit(int status);
__noreturn void proc_kill(const char *fmt, ...) __printf(1, 2);

/* syscall.c */
void syscall(struct trapframe *tf);
void console_flush_proc(struct proc *p);

/* Lab 2's hooks (see its kernel.h), filled in by vm_hooks.c. */
int user_page_fault(uint32_t va, int write);
int user_buffer_ok(uint32_t va, uint32_t len);
long syscall_more(struct trapframe *tf);

/* loader.c */
void load_programs(int bench);

/* elf_check.c */
struct elf32_ehdr;
/* Whether [va, va + len) lies in [lo, hi). */
int in_range(uint32_t va, uint32_t len, uint32_t lo, uint32_t hi);
/* Checks the ELF header of an image of `size` bytes; NULL or a reason. */
const char *elf_check_header(const struct elf32_ehdr *eh, uint32_t size);

/* main.c */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

#endif
