/*
 * Hypercall wrappers for guests: int $0x82 with eax = number and the
 * arguments in ebx, ecx, edx, esi, edi; the result comes back in eax.
 * The argument registers are marked as changed ("+"), because a VMM may
 * rewrite them to resume a long hypercall (lab 4: continuations).
 */
#ifndef GUEST_HYPERCALL_H
#define GUEST_HYPERCALL_H

#include <public/errno.h>
#include <public/sched.h>
#include <public/xen.h>

static inline long _hypercall1(unsigned nr, unsigned long a1)
{
	long ret = (long)nr;

	__asm__ volatile("int $0x82" : "+a"(ret), "+b"(a1) : : "memory");
	return ret;
}

static inline long _hypercall2(unsigned nr, unsigned long a1, unsigned long a2)
{
	long ret = (long)nr;

	__asm__ volatile("int $0x82"
			 : "+a"(ret), "+b"(a1), "+c"(a2)
			 :
			 : "memory");
	return ret;
}

static inline long _hypercall3(unsigned nr, unsigned long a1, unsigned long a2,
			       unsigned long a3)
{
	long ret = (long)nr;

	__asm__ volatile("int $0x82"
			 : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3)
			 :
			 : "memory");
	return ret;
}

static inline long _hypercall4(unsigned nr, unsigned long a1, unsigned long a2,
			       unsigned long a3, unsigned long a4)
{
	long ret = (long)nr;

	__asm__ volatile("int $0x82"
			 : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4)
			 :
			 : "memory");
	return ret;
}

static inline long _hypercall5(unsigned nr, unsigned long a1, unsigned long a2,
			       unsigned long a3, unsigned long a4,
			       unsigned long a5)
{
	long ret = (long)nr;

	__asm__ volatile("int $0x82"
			 : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4),
			   "+D"(a5)
			 :
			 : "memory");
	return ret;
}

static inline long HYPERVISOR_console_io(int cmd, unsigned count,
					 const char *buf)
{
	return _hypercall3(__HYPERVISOR_console_io, (unsigned long)cmd, count,
			   (unsigned long)buf);
}

static inline long HYPERVISOR_sched_op(int cmd, void *arg)
{
	return _hypercall2(__HYPERVISOR_sched_op, (unsigned long)cmd,
			   (unsigned long)arg);
}

#endif
