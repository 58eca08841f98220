/*
 * multicall (hypercall 13): multicall(entries, count) runs `count`
 * hypercalls described by an array in guest memory, in order, in one trap,
 * and writes each one's result into its entry. Returns 0, or -EFAULT if
 * an entry cannot be read or its result not written (those before it are
 * done). A call that may not run in a batch gets -EINVAL as its result
 * (multicall itself, iret); see the handout's lab 4 chapter.
 */
#ifndef PUBLIC_MULTICALL_H
#define PUBLIC_MULTICALL_H

#include <stdint.h>

struct multicall_entry {
	uint32_t op;	  /* hypercall number */
	int32_t result;	  /* OUT: what it returned */
	uint32_t args[6]; /* ebx, ecx, edx, esi, edi (args[5] unused) */
};

_Static_assert(sizeof(struct multicall_entry) == 32, "ABI");

#endif
