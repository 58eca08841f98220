/*
 * Lab 3's system calls of the provided guest kernel (lab 2's
 * guest/syscall.h has the ABI and the others). From lab 3 on, every
 * process has its own address space: all programs are linked at the same
 * address (guest/user/user.mk), the stack grows down from the top of the
 * user half and the heap up from the end of the program
 * (guest/kernel/memlayout.h); lab 2's slots are gone. wait is the one
 * system call that changes a register besides eax: edx. Its error when
 * the caller has no child, ECHILD, is in guest/syscall.h.
 */
#ifndef GUEST_SYSCALL_VM_H
#define GUEST_SYSCALL_VM_H

#include <guest/syscall.h>

#define SYS_fork 6 /* fork(): the child's pid; 0 in the child */
#define SYS_wait 7 /* wait(): an ended child's pid, its status in edx */
#define SYS_sbrk 8 /* sbrk(n): the old end of the heap, moved by n */

#endif
