/* divzero: divides by zero: a divide error, and the kernel kills it. */
#include <ulib.h>

int main(void)
{
	/* Both volatile: GCC compiles 1 / x without a division at all. */
	volatile int one = 1, zero = 0;

	printf("dividing by zero\n");
	yield();
	return one / zero;
}
