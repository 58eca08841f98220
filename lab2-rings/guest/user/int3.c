/*
 * int3: a breakpoint with no debugger to take it. The trap table lets
 * user mode raise #BP (DPL 3); the kernel has no use for it and kills
 * the program.
 */
#include <ulib.h>

int main(void)
{
	printf("hitting a breakpoint\n");
	yield();
	__asm__ volatile("int3");
	return 0;
}
