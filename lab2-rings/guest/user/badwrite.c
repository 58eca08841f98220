/*
 * badwrite: asks write() to print memory that is not its own. The kernel
 * must check the pointer, not trust it: it answers -14 (EFAULT) and the
 * program goes on.
 */
#include <ulib.h>

int main(void)
{
	const char *kernel = (const char *)0xC0000000;
	const char *mine = "mine";

	printf("write(kernel memory) = %ld\n", write(kernel, 16));
	printf("write(a length past the window) = %ld\n",
	       write(mine, 0x7FFFFFFF));
	printf("write(null) = %ld\n", write(0, 1));
	return 0;
}
