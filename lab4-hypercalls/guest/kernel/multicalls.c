/*
 * The guest kernel's batches of hypercalls, made with multicall (lab 4):
 * the batcher of guest/batch.h. Lab 2's and lab 3's kernel already mark
 * where several hypercalls come in a row (a context switch, fork, the
 * release of an address space, a flush of page-table updates with its
 * TLB flush) and offer each call to the batcher; this file keeps them and
 * makes them in one VMM entry at the end of the outermost batch.
 *
 * Invariants:
 *   - Calls run in the order they were offered, each exactly once: a
 *     batch that fills up is sent at once, before the call that did not
 *     fit is kept (or made directly, if it could never fit).
 *   - Every result is checked. A kept call told its caller 0, so a
 *     refusal found later stops the kernel, naming the call, as the
 *     unbatched code stops it with the refusal it got directly. A result
 *     the VMM never wrote counts as a refusal.
 *   - What a kept call reads (mmu_update's requests, mmuext_op's
 *     operation) is copied here, so it stays valid until the batch is
 *     sent even if the caller's buffer is on its stack or reused.
 *
 * "nomulticall" on the kernel's command line installs no batcher: every
 * call is then made at once, exactly as in lab 3 (grade/lab4.bench
 * measures both ways with the same build).
 */
#include <lib/cmdline.h>
#include <lib/string.h>
#include <guest/batch.h>
#include <guest/console.h>
#include <guest/hypercall_events.h>
#include <guest/platform.h>
#include <kernel.h>

#define MC_MAX	      16     /* calls in one multicall */
#define MC_COPY_BYTES 2048   /* what they read: 4 full mmu_update queues */
#define NO_RESULT     0x7ead /* in each entry until the VMM writes it */

static struct multicall_entry calls[MC_MAX];
static unsigned ncalls;
static uint8_t copies[MC_COPY_BYTES] __aligned(8);
static unsigned copied; /* bytes of copies in use */
static unsigned depth;	/* batches open: begin minus end */

/* For the report at the end. */
static unsigned multicalls, calls_in_multicalls;

static const char *call_name(uint32_t op)
{
	switch (op) {
	case __HYPERVISOR_mmu_update:
		return "mmu_update";
	case __HYPERVISOR_stack_switch:
		return "stack_switch";
	case __HYPERVISOR_mmuext_op:
		return "mmuext_op";
	default:
		return "hypercall";
	}
}

static void check(const struct multicall_entry *e, unsigned i, unsigned n)
{
	if (e->result == NO_RESULT)
		panic("batched %s (call %u of %u) got no result",
		      call_name(e->op), i + 1, n);
	if (e->result)
		panic("batched %s (call %u of %u) refused (%d)",
		      call_name(e->op), i + 1, n, (int)e->result);
}

/* Makes the kept calls: one alone as a plain hypercall (a multicall of
 * one would cost more than the trap it saves nothing on), two or more in
 * one multicall. Then checks each result and empties the batch. */
static void send(void)
{
	struct multicall_entry *e = calls;
	long rc;

	if (ncalls == 1) {
		e->result = (int32_t)_hypercall4(e->op, e->args[0], e->args[1],
						 e->args[2], e->args[3]);
	} else if (ncalls > 1) {
		rc = HYPERVISOR_multicall(calls, ncalls);
		if (rc)
			panic("multicall of %u calls failed (%ld)", ncalls, rc);
		multicalls++;
		calls_in_multicalls += ncalls;
	}
	for (unsigned i = 0; i < ncalls; i++)
		check(&calls[i], i, ncalls);
	ncalls = copied = 0;
}

static void mc_begin(void)
{
	depth++;
}

static void mc_end(void)
{
	if (!depth)
		panic("batch_end without batch_begin");
	if (--depth == 0)
		send();
}

static int mc_queue(unsigned op, unsigned long a1, unsigned long a2,
		    unsigned long a3, unsigned long a4, unsigned len)
{
	unsigned room = ALIGN_UP(len, 8); /* the next copy stays aligned */
	struct multicall_entry *e;

	if (!depth)
		return 0;
	if (ncalls == MC_MAX || room > MC_COPY_BYTES - copied)
		send();
	if (room > MC_COPY_BYTES)
		return 0; /* never fits: the caller makes it, in order */
	if (len) {
		memcpy(copies + copied, (const void *)a1, len);
		a1 = (unsigned long)(copies + copied);
		copied += room;
	}
	e = &calls[ncalls++];
	e->op = op;
	e->result = NO_RESULT;
	e->args[0] = a1;
	e->args[1] = a2;
	e->args[2] = a3;
	e->args[3] = a4;
	e->args[4] = 0; /* args[5] is never read */
	return 1;
}

static const struct batcher mc_batcher = {
	.begin = mc_begin,
	.end = mc_end,
	.queue = mc_queue,
};

static void multicalls_boot(void)
{
	if (cmdline_get(start_info->cmd_line, "nomulticall", 0, 0))
		printf("kernel: multicalls off (nomulticall)\n");
	else
		batcher = &mc_batcher;
}
BOOT_STEP(5, multicalls_boot);

/* How many VMM entries the batches saved: each multicall of n calls is
 * one entry instead of n. */
static void multicalls_report(void)
{
	if (batcher)
		printf("kernel: %u multicalls carried %u hypercalls, %u VMM entries saved\n",
		       multicalls, calls_in_multicalls,
		       calls_in_multicalls - multicalls);
}
END_STEP(25, multicalls_report);
