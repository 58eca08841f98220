/*
 * isolation: one virtual address, two processes, two values. After a
 * fork, parent and child have `value` at the same address, on a page
 * they share copy-on-write; each writes its own value there, lets the
 * other run, and must find its own value still there. The same with a
 * heap page each grows after the fork (demand-zero: two pages). Exits
 * with 0 if both saw only their own values.
 */
#include <ulib_vm.h>

static volatile int value = 42;

/* Writes `mine` at both addresses, lets the other process run, reads
 * them back. */
static int check(const char *who, volatile int *heap, int mine)
{
	value = mine;
	*heap = mine;
	yield();
	yield();
	printf("%s: value at %p = %d, heap at %p = %d\n", who, (void *)&value,
	       value, (void *)heap, *heap);
	return value == mine && *heap == mine;
}

int main(void)
{
	int pid, status = -1, ok;
	volatile int *heap;

	printf("before fork: value at %p = %d\n", (void *)&value, value);
	pid = fork();
	if (pid < 0)
		return 2;
	heap = sbrk(4096);
	if (heap == (int *)-1)
		return 2;
	ok = check(pid ? "parent" : "child", heap, pid ? 1 : 2);
	if (pid == 0)
		exit(!ok);
	wait(&status);
	if (status != 0)
		printf("the child failed (status %d)\n", status);
	else
		printf("%s\n", ok ? "isolated: each saw its own values" :
				    "NOT ISOLATED");
	return !(ok && status == 0);
}
