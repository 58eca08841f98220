/*
 * forktest: fork, wait and demand-zero memory. The parent forks NCHILD
 * children; each uses a stack array of several pages and a heap it grows
 * with sbrk, memory that exists only once touched and is zero then, and
 * exits with a status of its own. One more child writes into its
 * read-only text and is killed. The parent waits for all of them and
 * checks every status; exits with 0 if all is well.
 */
#include <ulib_vm.h>

#define NCHILD	   3
#define PAGE	   4096
#define HEAP_PAGES 3

/* A stack array of three pages: the pages below the ones the parent
 * used are new to the child (demand-zero, then written). */
static int use_stack(int seed)
{
	volatile char a[3 * PAGE];
	int sum = 0;

	for (int i = 0; i < (int)sizeof(a); i += 64)
		a[i] = (char)(seed + i / 64);
	for (int i = 0; i < (int)sizeof(a); i += 64)
		sum += a[i] == (char)(seed + i / 64);
	return sum == (int)sizeof(a) / 64;
}

/* A heap of HEAP_PAGES pages: all zero at first, then written and
 * released again. */
static int use_heap(int seed)
{
	char *h = sbrk(HEAP_PAGES * PAGE);
	int zero = 1, ok = 1;

	if (h == (char *)-1)
		return 0;
	for (int i = 0; i < HEAP_PAGES * PAGE; i++)
		zero &= h[i] == 0;
	for (int i = 0; i < HEAP_PAGES * PAGE; i += PAGE)
		h[i] = (char)seed;
	for (int i = 0; i < HEAP_PAGES * PAGE; i += PAGE)
		ok &= h[i] == (char)seed;
	return zero && ok && sbrk(-HEAP_PAGES * PAGE) == h + HEAP_PAGES * PAGE;
}

static __noreturn void child(int i)
{
	int stack_ok = use_stack(i), heap_ok = use_heap(i);

	printf("child %d: stack %s, heap %s\n", i, stack_ok ? "ok" : "BAD",
	       heap_ok ? "zero, then ok" : "BAD");
	if (i == NCHILD) {
		printf("child %d: writing into my text\n", i);
		*(volatile char *)main = 0;
	}
	exit(stack_ok && heap_ok ? 10 + i : 1);
}

int main(void)
{
	int pids[NCHILD + 1], bad = 0, status, pid;

	for (int i = 0; i <= NCHILD; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			child(i);
		if (pids[i] < 0)
			return 2;
	}
	printf("forked %d children\n", NCHILD + 1);
	while ((pid = wait(&status)) > 0) {
		int i = 0, want;

		while (i <= NCHILD && pids[i] != pid)
			i++;
		want = i == NCHILD ? -1 : 10 + i;
		printf("child %d (pid %d) ended with status %d%s\n", i, pid,
		       status, status == want ? "" : ", WRONG");
		bad += i > NCHILD || status != want;
		pids[i <= NCHILD ? i : 0] = 0;
	}
	printf("wait with no child left: %d\n", pid);
	printf("%s\n", bad || pid != -10 ? "FAILED" : "all children ok");
	return bad || pid != -10;
}
