/*
 * Lab 1's policy: each domain runs until it is gone, in the order the
 * domains were built (module order). Lab 5 replaces it with BVT.
 */
#include <vmm/sched.h>

static struct vcpu *runq[MAX_DOMAINS];
static int nrun;

static void fifo_wake(struct vcpu *v)
{
	runq[nrun++] = v;
}

static void fifo_sleep(struct vcpu *v)
{
	for (int i = 0; i < nrun; i++) {
		if (runq[i] != v)
			continue;
		for (nrun--; i < nrun; i++)
			runq[i] = runq[i + 1];
		return;
	}
}

static struct vcpu *fifo_pick_next(void)
{
	return nrun ? runq[0] : NULL;
}

const struct scheduler sched_fifo = {
	.name = "fifo",
	.wake = fifo_wake,
	.sleep = fifo_sleep,
	.pick_next = fifo_pick_next,
};
