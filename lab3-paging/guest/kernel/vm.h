/*
 * The memory of a process (kernel.h's memory model), lab 3's: an address
 * space of its own (memlayout.h), built in vm.c from the pages of page.c;
 * vm_hooks.c implements the model with them. This file and vm_hooks.c
 * replace lab 2's (the shared user window); everything else of the kernel
 * is lab 2's, with lab 3's own files beside it.
 */
#ifndef VM_H
#define VM_H

#include <stdint.h>
#include <memlayout.h>

/* A process's address space (vm.c). */
struct vm {
	uint32_t *l2;	     /* its L2 table */
	uint32_t heap_start; /* the end of the program image */
	uint32_t brk;	     /* the end of the heap */
	int live;	     /* pinned: changed only through the platform */
};

/* page.c */
void page_init(void);
void *page_alloc(void);
void page_get(void *page);
void page_put(void *page);
unsigned page_refs(const void *page);
unsigned pages_free(void);
unsigned pages_total(void);

/* vm.c; with vm_activate, vm_switch and vm_free of kernel.h */
extern uint32_t *kernel_l2;
void vm_init(void);
int vm_create(struct vm *vm);
void *vm_page(struct vm *vm, uint32_t va, int writable);
int vm_fault(struct vm *vm, uint32_t va, int write);
int vm_user_ok(struct vm *vm, uint32_t va, uint32_t len);
int vm_fork(struct vm *parent, struct vm *child);
long vm_sbrk(struct vm *vm, int32_t n);

#endif
