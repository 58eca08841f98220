/*
 * counter: counts, sleeping between counts, then makes 1000 system calls
 * in a row: through the fast gate they never enter the VMM, so the
 * domain's entry count (the VMM's summary line) does not grow with them.
 * Exits with status 3.
 */
#include <ulib.h>

int main(void)
{
	int pid = getpid(), same = 0;

	for (int i = 1; i <= 3; i++) {
		printf("count %d\n", i);
		sleep(2);
	}
	for (int i = 0; i < 1000; i++)
		same += getpid() == pid;
	printf("%d of 1000 getpid calls said %d\n", same, pid);
	return 3;
}
