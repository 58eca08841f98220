/*
 * The provided guest kernel's system calls, as its user programs see
 * them (a kit convention, not Xen's: this is the guest's own ABI).
 *
 *   int $0x80 (FAST_TRAP_VECTOR) with eax = number, ebx, ecx, edx =
 *   arguments 1..3; the result comes back in eax, -errno on failure
 *   (public/errno.h, and ECHILD below). Every other register is
 *   preserved, but edx by wait.
 *
 * From lab 3 on, every process has its own address space: all programs
 * are linked at the same address (guest/user/user.mk), the stack grows
 * down from the top of the user half and the heap up from the end of
 * the program (guest/kernel/memlayout.h).
 */
#ifndef GUEST_SYSCALL_H
#define GUEST_SYSCALL_H

#define SYS_write  1 /* write(buf, len): console output; returns len */
#define SYS_getpid 2 /* getpid(): the caller's process id */
#define SYS_yield  3 /* yield(): let the other processes run; 0 */
#define SYS_exit   4 /* exit(status): never returns */
#define SYS_sleep  5 /* sleep(n): give up the CPU n times; 0 */
#define SYS_fork   6 /* fork(): the child's pid; 0 in the child */
#define SYS_wait   7 /* wait(): an ended child's pid, its status in edx */
#define SYS_sbrk   8 /* sbrk(n): the old end of the heap, moved by n */

/* The kernel's one error code that the VMM has no use for (Linux's
 * value, like the others). */
#define ECHILD 10 /* wait: the caller has no child */

#endif
