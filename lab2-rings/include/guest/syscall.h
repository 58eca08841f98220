/*
 * The provided guest kernel's system calls, as its user programs see
 * them (a kit convention, not Xen's: this is the guest's own ABI).
 *
 *   int $0x80 (FAST_TRAP_VECTOR) with eax = number, ebx, ecx, edx =
 *   arguments 1..3; the result comes back in eax, -errno on failure
 *   (public/errno.h). Every other register is preserved.
 *
 * Until lab 3 all processes share one address space, the user window
 * (public/layout.h). Each program is linked at its own slot of
 * USER_SLOT_SIZE bytes there, program i at KIT_USER_BASE + i * slot
 * (guest/user/user.mk makes the same computation); its stack grows down
 * from the end of its slot.
 */
#ifndef GUEST_SYSCALL_H
#define GUEST_SYSCALL_H

#define SYS_write  1 /* write(buf, len): console output; returns len */
#define SYS_getpid 2 /* getpid(): the caller's process id */
#define SYS_yield  3 /* yield(): let the other processes run; 0 */
#define SYS_exit   4 /* exit(status): never returns */
#define SYS_sleep  5 /* sleep(n): give up the CPU n times; 0 */

/* The kernel's one error code that the VMM has no use for (Linux's
 * value, like the others): wait (lab 3) when the caller has no child. */
#define ECHILD 10

#define USER_SLOT_SIZE	0x10000u /* 64 KiB per program */
#define USER_STACK_SIZE 0x4000u	 /* the top 16 KiB of a slot */

#endif
