/*
 * Where lab 3's memory management plugs into lab 2's kernel: the memory
 * model of kernel.h (which this file and vm.h replace), its hooks, and
 * the system calls of lab 3 (fork, wait, sbrk). Each process has an
 * address space of its own (vm.c): every program is linked at USER_BASE
 * (memlayout.h), gets only the pages its segments cover, read-only
 * unless a segment on the page is writable, and a heap that starts empty
 * at the end of its image; its stack and heap are demand-zero, and its
 * kernel stack is one page.
 */
#include <lib/string.h>
#include <guest/console.h>
#include <guest/syscall_vm.h>
#include <public/errno.h>
#include <kernel.h>

/* The kernel's address space without the builder's user window, and the
 * page allocator with every page above the boot stack. */
static void vm_boot(void)
{
	vm_init();
	page_init();
	printf("pages for processes: %u\n", pages_total());
}
BOOT_STEP(10, vm_boot);

/* Every program: between USER_BASE and the most the heap may grow to. */
const char *vm_area(int i, uint32_t *lo, uint32_t *hi)
{
	(void)i;
	*lo = USER_BASE;
	*hi = USER_HEAP_MAX;
	return NULL;
}

int vm_new(struct vm *vm, int i, uint32_t end)
{
	(void)i;
	if (vm_create(vm))
		return -ENOMEM;
	vm->heap_start = vm->brk = PAGE_UP(end);
	return 0;
}

/* Maps the pages of [lo, lo + memsz) in the address space being built;
 * they are zero but for the filesz bytes from src. */
int vm_copy(struct vm *vm, uint32_t lo, const void *src, uint32_t filesz,
	    uint32_t memsz, int writable)
{
	uint32_t file_end = lo + filesz;

	for (uint32_t va = PAGE_DOWN(lo); va < lo + memsz; va += PAGE_SIZE) {
		uint8_t *page = vm_page(vm, va, writable);
		uint32_t from = MAX(va, lo), to = MIN(va + PAGE_SIZE, file_end);

		if (!page)
			return -ENOMEM;
		if (from < to)
			memcpy(page + (from - va),
			       (const uint8_t *)src + (from - lo), to - from);
	}
	return 0;
}

uint32_t vm_stack_top(const struct vm *vm)
{
	(void)vm;
	return USER_STACK_TOP;
}

uint32_t kstack_alloc(struct proc *p)
{
	void *page = page_alloc();

	(void)p;
	return page ? (uint32_t)page + PAGE_SIZE : 0;
}

void kstack_free(struct proc *p)
{
	page_put((void *)(p->kstack_top - PAGE_SIZE));
}

int user_page_fault(uint32_t va, int write)
{
	return vm_fault(&cur->vm, va, write);
}

/* The whole buffer must be the process's own user memory (mapped for
 * user mode, or demand-zero memory, which vm_user_ok faults in). The
 * kernel never writes user memory. */
int user_buffer_ok(uint32_t va, uint32_t len)
{
	return vm_user_ok(&cur->vm, va, len);
}

/* fork(): a copy of the running process, which gets 0 from the system
 * call where the parent gets the child's pid; or -EAGAIN, -ENOMEM. */
static long sys_fork(struct trapframe *tf)
{
	struct proc *p = proc_alloc(cur->name, tf);

	if (!p)
		return -EAGAIN;
	if (vm_fork(&cur->vm, &p->vm)) {
		kstack_free(p);
		p->state = P_FREE;
		return -ENOMEM;
	}
	proc_tf(p)->eax = 0;
	p->parent = cur;
	p->state = P_RUNNABLE;
	return p->pid;
}
SYSCALL(SYS_fork, sys_fork);

/* wait(): the pid in eax, the child's status in edx (proc_wait: the
 * rest of a family's life, exit, zombies and orphans, is proc.c's). */
static long sys_wait(struct trapframe *tf)
{
	int status = 0;
	long pid = proc_wait(&status);

	tf->edx = (uint32_t)status;
	return pid;
}
SYSCALL(SYS_wait, sys_wait);

static long sys_sbrk(struct trapframe *tf)
{
	return vm_sbrk(&cur->vm, (int32_t)tf->ebx);
}
SYSCALL(SYS_sbrk, sys_sbrk);
