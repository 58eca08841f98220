/*
 * badptr: reads guest-kernel memory. Kernel pages are supervisor-only, so
 * this is a page fault, which the VMM bounces to the guest kernel with
 * the address in shared info; the kernel kills the program.
 */
#include <ulib.h>

int main(void)
{
	volatile int *kernel = (volatile int *)0xC0000000;

	printf("reading kernel memory at %p\n", (void *)kernel);
	yield();
	return *kernel;
}
