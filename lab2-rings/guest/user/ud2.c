/* ud2: runs an invalid instruction: an invalid opcode, and it is killed. */
#include <ulib.h>

int main(void)
{
	printf("running ud2\n");
	yield();
	__asm__ volatile("ud2");
	return 0;
}
