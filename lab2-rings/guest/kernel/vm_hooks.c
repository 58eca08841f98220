/*
 * Lab 2's memory model (kernel.h, vm.h): the user window, which every
 * process shares. Until lab 3 the guest kernel cannot make page tables:
 * the builder's window is all the user memory there is, and the kernel
 * writes the programs into it directly. Program i is linked at slot i of
 * the window (include/guest/syscall.h, guest/user/user.mk); its stack
 * grows down from the end of the slot. Kernel stacks are static, one per
 * process slot. Lab 3 replaces this file with its own (address spaces).
 *
 * Invariant: nothing is written for a program outside its slot, and
 * every slot lies in the window, so a program can only be loaded where
 * user mode may run it.
 */
#include <lib/string.h>
#include <guest/console.h>
#include <guest/platform.h>
#include <guest/syscall.h>
#include <public/layout.h>
#include <kernel.h>

#define PAGE_SIZE   4096u
#define KSTACK_SIZE 8192
#define NKSTACK	    8 /* lab 2 runs at most 8 processes */

static uint32_t window_end = KIT_USER_BASE; /* empty until init */
static uint8_t kstacks[NKSTACK][KSTACK_SIZE] __aligned(16);

/* The builder maps the window only above its own boot data: the start
 * info, the page tables and the boot stack (vmm/user_window.c). */
static void user_window_init(void)
{
	uint32_t n = start_info->nr_pages;
	uint32_t stack_pfn =
		(start_info->pt_base - KIT_KERNEL_BASE) / PAGE_SIZE +
		start_info->nr_pt_frames;

	if (KIT_USER_FIRST_PFN(n) > stack_pfn)
		window_end = KIT_USER_BASE + KIT_USER_PAGES(n) * PAGE_SIZE;
	if (window_end > KIT_USER_BASE)
		printf("user window: %08x-%08x\n", KIT_USER_BASE, window_end);
	else
		printf("user window: none (too little memory)\n");
}
BOOT_STEP(10, user_window_init);

/* Whether a process may pass [va, va + len) to the kernel: if it lies in
 * the user window. */
int user_buffer_ok(uint32_t va, uint32_t len)
{
	return in_range(va, len, KIT_USER_BASE, window_end);
}

/* Program i: its slot, but for the stack at the top, if the whole slot
 * lies in the window. */
const char *vm_area(int i, uint32_t *lo, uint32_t *hi)
{
	*lo = KIT_USER_BASE + (uint32_t)i * USER_SLOT_SIZE;
	*hi = *lo + USER_SLOT_SIZE - USER_STACK_SIZE;
	if (!user_buffer_ok(*lo, USER_SLOT_SIZE))
		return "its slot is outside the user window";
	return NULL;
}

int vm_new(struct vm *vm, int i, uint32_t end)
{
	(void)end;
	vm->stack_top = KIT_USER_BASE + (uint32_t)(i + 1) * USER_SLOT_SIZE;
	return 0;
}

/* The window is mapped writable: the image is written in place. */
int vm_copy(struct vm *vm, uint32_t va, const void *src, uint32_t filesz,
	    uint32_t memsz, int writable)
{
	(void)vm, (void)writable;
	memcpy((void *)va, src, filesz);
	memset((uint8_t *)va + filesz, 0, memsz - filesz);
	return 0;
}

uint32_t vm_stack_top(const struct vm *vm)
{
	return vm->stack_top;
}

/* One address space for all: nothing to pin, switch or free. */
void vm_activate(struct vm *vm)
{
	(void)vm;
}

void vm_switch(struct vm *vm)
{
	(void)vm;
}

void vm_free(struct vm *vm)
{
	(void)vm;
}

uint32_t kstack_alloc(struct proc *p)
{
	int i = proc_index(p);

	return i < NKSTACK ? (uint32_t)kstacks[i] + KSTACK_SIZE : 0;
}

void kstack_free(struct proc *p)
{
	(void)p;
}
