/*
 * hello: the smallest complete guest. Boots in ring 1, prints, and shuts
 * down cleanly. It needs every lab 1 step, from the memory map to the
 * first iret into the guest. The grader also checks the VMM's lines
 * around it (the domain summary, the clean power-off).
 */
#include <guest/test.h>

const char test_title[] = "hello from a guest";

void test_main(void)
{
	int cs;

	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	check_eq(cs & 3, 1); /* running in ring 1 */
	printf("hello from ring %d\n", cs & 3);
	xtf_success("the guest ran");
}
