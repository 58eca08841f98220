/*
 * The provided guest kernel's own interfaces (like xv6's defs.h): traps,
 * processes, system calls and the loader of the embedded user programs.
 */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdint.h>
#include <lib/compiler.h>

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

enum proc_state { P_FREE, P_RUNNABLE, P_RUNNING, P_DONE };

#define NPROC	    8
#define KSTACK_SIZE 8192
#define LINE_MAX    100 /* a process's console line, without the prefix */

struct proc {
	enum proc_state state;
	int pid;		 /* its index in procs[] + 1 */
	char name[16];		 /* the program's */
	uint32_t kstack_top;	 /* its kernel stack: entries land here */
	struct context *context; /* saved by swtch while not running */
	char line[LINE_MAX];	 /* console output up to the next newline */
	unsigned line_len;
};

/* The running process, or NULL while the scheduler runs. */
extern struct proc *cur;

/* entry.S */
extern const uint32_t trap_stubs[20]; /* handlers of exceptions 0..19 */
void syscall_entry(void);	      /* the handler of int $0x80 */
void trapret(void);		      /* pops a trapframe and irets */
void swtch(struct context **save, struct context *to);

/* trap.c */
void trap_init(void);
void trap(struct trapframe *tf);

/* proc.c */
struct proc *proc_create(const char *name, uint32_t entry, uint32_t sp);
void scheduler(void);
void yield(void);
__noreturn void proc_exit(int status);
__noreturn void proc_kill(const char *fmt, ...) __printf(1, 2);

/* syscall.c */
void syscall(struct trapframe *tf);
int user_range_ok(uint32_t va, uint32_t len);

/* Hooks where a later lab's kernel plugs in (lab 2's versions: weak
 * defaults in trap.c and syscall.c, user_buffer_ok in loader.c). */
int user_page_fault(uint32_t va, int write);
int user_buffer_ok(uint32_t va, uint32_t len);
long syscall_more(struct trapframe *tf);
void console_flush_proc(struct proc *p);

/* loader.c */
void user_window_init(void);
uint32_t user_window_end(void);
void load_programs(void);

/* elf_check.c */
struct elf32_ehdr;
/* Whether [va, va + len) lies in [lo, hi). */
int in_range(uint32_t va, uint32_t len, uint32_t lo, uint32_t hi);
/* Checks the ELF header of an image of `size` bytes; NULL or a reason. */
const char *elf_check_header(const struct elf32_ehdr *eh, uint32_t size);

/* main.c */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

#endif
