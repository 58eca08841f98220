/*
 * The user library of the provided guest kernel's programs: system-call
 * wrappers and printf. A program defines main(); returning from it is
 * exit(main's value).
 *
 * Lab 3 adds fork, wait and sbrk. Lab 2's programs, in lab 2's
 * directory, include lab 2's ulib.h (#include "..." looks next to the
 * including file first): keep this file a superset of it.
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
int fork(void);	       /* the child's pid, 0 in the child, or -errno */
int wait(int *status); /* a child's pid (its status), or -ECHILD */
void *sbrk(int32_t n); /* the old end of the heap, or (void *)-1 */

/* Formats into a line, written with write() at each newline. */
int printf(const char *fmt, ...) __printf(1, 2);

#endif
