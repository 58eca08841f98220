/*
 * The memory of a process (kernel.h's memory model), lab 2's: the user
 * window. The domain builder maps the top pages of the domain's memory a
 * second time at KIT_USER_BASE with the user bit (public/layout.h), and
 * every process runs there, in one shared address space: program i has
 * slot i of the window (include/guest/syscall.h), its image at the
 * bottom, its stack at the top. vm_hooks.c implements the model. Lab 3
 * replaces both files: an address space per process.
 */
#ifndef VM_H
#define VM_H

#include <stdint.h>

struct vm {
	uint32_t stack_top; /* the end of the process's slot */
};

#endif
