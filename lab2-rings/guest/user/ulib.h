/*
 * The user library of the provided guest kernel's programs: system-call
 * wrappers and printf. A program defines main(); returning from it is
 * exit(main's value).
 */
#ifndef ULIB_H
#define ULIB_H

#include <stdint.h>
#include <lib/compiler.h>

int main(void);

/* The system calls (include/guest/syscall.h). */
long write(const void *buf, uint32_t len); /* len, or -EFAULT */
int getpid(void);
void yield(void);
void sleep(unsigned n);
__noreturn void exit(int status);

/* Formats into a line, written with write() at each newline. */
int printf(const char *fmt, ...) __printf(1, 2);

/* A system call: int $0x80 with eax = number and the arguments in ebx,
 * ecx, edx; the kernel changes only eax, the result. */
static inline long syscall3(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a1), "c"(a2), "d"(a3)
			 : "memory");
	return ret;
}

#endif
