/* Lab 3's system-call wrappers (ulib_vm.h). */
#include <guest/syscall_vm.h>
#include <ulib_vm.h>

int fork(void)
{
	return (int)syscall3(SYS_fork, 0, 0, 0);
}

/* The kernel answers the pid in eax and the status in edx: the one
 * system call that changes a register besides eax. */
int wait(int *status)
{
	long pid;
	int st;

	__asm__ volatile("int $0x80"
			 : "=a"(pid), "=d"(st)
			 : "a"(SYS_wait)
			 : "memory");
	if (pid >= 0 && status)
		*status = st;
	return (int)pid;
}

/* Addresses of the user half are below 0xC0000000: a result in
 * [-4095, -1] is an error. */
void *sbrk(int32_t n)
{
	long ret = syscall3(SYS_sbrk, (uint32_t)n, 0, 0);

	return ret < 0 && ret >= -4095 ? (void *)-1 : (void *)ret;
}
