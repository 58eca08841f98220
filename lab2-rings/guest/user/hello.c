/* hello: a few lines, letting the others run between them. */
#include <ulib.h>

int main(void)
{
	for (int i = 1; i <= 3; i++) {
		printf("hello from ring 3, line %d of 3\n", i);
		yield();
	}
	return 0;
}
