/*
 * Where lab 3's memory management plugs into lab 2's kernel (the hooks of
 * kernel.h, whose weak defaults are in lab 2's trap.c and syscall.c):
 * page faults on demand-zero and copy-on-write memory, the rule for user
 * buffers, and the system calls of lab 3 (fork, wait, sbrk).
 */
#include <guest/syscall.h>
#include <public/errno.h>
#include <kernel.h>

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

/* wait(): the pid in eax, the child's status in edx. */
static long sys_wait(struct trapframe *tf)
{
	int status = 0;
	long pid = proc_wait(&status);

	tf->edx = (uint32_t)status;
	return pid;
}

long syscall_more(struct trapframe *tf)
{
	switch (tf->eax) {
	case SYS_fork:
		return proc_fork(tf);
	case SYS_wait:
		return sys_wait(tf);
	case SYS_sbrk:
		return vm_sbrk(&cur->vm, (int32_t)tf->ebx);
	}
	return -ENOSYS;
}
