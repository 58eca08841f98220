/*
 * System calls: int $0x80 with eax = number, ebx, ecx, edx = arguments;
 * the result goes back in eax (include/guest/syscall.h). They arrive
 * through the fast gate, straight from user mode, without the VMM.
 *
 * Invariant: the kernel trusts nothing a process passes. A pointer is
 * used only if the whole buffer is the process's to pass (user_buffer_ok:
 * in lab 2, inside the user window); anything else gets -EFAULT, as a
 * real kernel's copy_from_user would return.
 */
#include <lib/compiler.h>
#include <guest/console.h>
#include <guest/syscall.h>
#include <public/errno.h>
#include <kernel.h>

/* Prints p's pending console line, with the prefix naming p. */
void console_flush_proc(struct proc *p)
{
	if (!p->line_len)
		return;
	p->line[p->line_len] = '\0';
	printf("[pid %d %s] %s\n", p->pid, p->name, p->line);
	p->line_len = 0;
}

/*
 * write(buf, len): console output, a line at a time, so that the lines
 * of the processes never mix. A line is printed at its newline, when it
 * is too long, or when the process ends. Returns len.
 */
static long sys_write(uint32_t buf, uint32_t len)
{
	const char *s = (const char *)buf;

	if (!user_buffer_ok(buf, len))
		return -EFAULT;
	for (uint32_t i = 0; i < len; i++) {
		if (s[i] == '\n' || cur->line_len == LINE_MAX - 1) {
			console_flush_proc(cur);
			if (s[i] == '\n')
				continue;
		}
		cur->line[cur->line_len++] = s[i];
	}
	return (long)len;
}

/* The system calls a later lab adds (lab 3: fork, wait, sbrk), each
 * registered with SYSCALL (kernel.h). */
static long syscall_more(struct trapframe *tf)
{
	for (const struct syscall_entry *e = __start_syscall_table;
	     e < __stop_syscall_table; e++)
		if (e->nr == tf->eax)
			return e->fn(tf);
	return -ENOSYS;
}

/* sleep(n): no timer before lab 5, so "n ticks" means n turns of the
 * other processes. */
static long sys_sleep(uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		yield();
	return 0;
}

void syscall(struct trapframe *tf)
{
	long ret;

	switch (tf->eax) {
	case SYS_write:
		ret = sys_write(tf->ebx, tf->ecx);
		break;
	case SYS_getpid:
		ret = cur->pid;
		break;
	case SYS_yield:
		yield();
		ret = 0;
		break;
	case SYS_exit:
		proc_exit((int)tf->ebx);
	case SYS_sleep:
		ret = sys_sleep(tf->ebx);
		break;
	default:
		ret = syscall_more(tf);
		break;
	}
	tf->eax = (uint32_t)ret;
}
