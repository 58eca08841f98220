/*
 * fpu_isolation (exercise 9, the lazy FPU switch): two domains from this
 * image (seed=1, seed=2) compute in floating point beside each other.
 *  - Each first checks that its FPU starts fresh (x87 control word
 *    0x037F, every register empty and zero, the SSE registers zero,
 *    MXCSR 0x1F80) although the other may have loaded its own; then sets
 *    an unusual control word and MXCSR;
 *  - then loads the eight x87 registers and the eight SSE registers with
 *    values of its own and, over ROUNDS switches to the other domain and
 *    back (seen as a new time version: the VMM republishes the time on
 *    each switch to us), checks after each that every register, the
 *    control word and MXCSR are still its own;
 *  - and its own task-switched flag: after fpu_taskswitch(1), the next
 *    FPU instruction raises #NM in the guest, once (the delivery clears
 *    the flag, for good: none after a switch away and back either), also
 *    when set before a switch away and back; registers loaded since the
 *    last switch survive such an #NM; the registers stay intact
 *    throughout.
 * A VMM that shares the registers, restores the wrong vCPU's, or hands a
 * domain the other's state at its first use, is caught.
 */
#include <guest/events.h>
#include <guest/test.h>
#include <guest/time.h>
#include <guest/traps.h>
#include <lib/string.h>

const char test_title[] = "fpu_isolation: FPU registers per domain";

#define ROUNDS 30

/* The FXSAVE image: what we compare. */
struct fxarea {
	uint16_t fcw, fsw;
	uint8_t ftw, pad0;
	uint16_t fop;
	uint32_t fip, fcs, fdp, fds;
	uint32_t mxcsr, mxcsr_mask;
	uint8_t st[8][16];  /* x87 registers, 10 bytes used each */
	uint8_t xmm[8][16]; /* SSE registers */
	uint8_t rest[224];
} __attribute__((aligned(16)));

static struct fxarea mine, now;

static void fxsave(struct fxarea *a)
{
	__asm__ volatile("fxsave (%0)" : : "r"(a) : "memory");
}

static void fxrstor(const struct fxarea *a)
{
	__asm__ volatile("fxrstor (%0)" : : "r"(a) : "memory");
}

static int all_zero(const uint8_t *p, unsigned n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

static void fresh(void)
{
	fxsave(&now);
	check_eq(now.fcw, 0x037F);
	check_eq(now.ftw, 0); /* abridged tag word: every register empty */
	check_eq(now.mxcsr, 0x1F80);
	/* Not the other domain's numbers either (Xen's XSA-165). */
	check(all_zero(&now.st[0][0], sizeof(now.st)));
	check(all_zero(&now.xmm[0][0], sizeof(now.xmm)));
	printf("first FPU use: fresh (fcw %x, mxcsr %x, registers zero)\n",
	       now.fcw, now.mxcsr);
}

/* Our own state: registers, control word, MXCSR from the seed. */
static void load(uint32_t seed)
{
	memset(&mine, 0, sizeof(mine));
	fxsave(&mine);
	mine.fcw = (uint16_t)(0x0270 | seed); /* unusual: not the default */
	mine.mxcsr = 0x1F80 | (seed << 13);   /* rounding mode = seed */
	mine.ftw = 0xFF;		      /* all eight registers in use */
	for (int r = 0; r < 8; r++)
		for (int b = 0; b < 10; b++)
			mine.st[r][b] = (uint8_t)(seed * 37 + r * 11 + b);
	for (int r = 0; r < 8; r++) {
		mine.st[r][7] |= 0x80; /* a normal number: integer bit set */
		mine.st[r][9] = 0x3F;  /* a sane exponent */
		for (int b = 0; b < 16; b++)
			mine.xmm[r][b] = (uint8_t)(seed * 101 + r * 17 + b);
	}
	fxrstor(&mine);
	fxsave(&mine); /* as the CPU keeps it */
}

static int same(void)
{
	fxsave(&now);
	return now.fcw == mine.fcw && now.ftw == mine.ftw &&
	       now.mxcsr == mine.mxcsr &&
	       !memcmp(now.st, mine.st, sizeof(mine.st)) &&
	       !memcmp(now.xmm, mine.xmm, sizeof(mine.xmm));
}

/* Spins until the VMM has switched away from us and back. */
static void until_switched(void)
{
	uint32_t v0 = vcpu0()->time.version;

	while (vcpu0()->time.version == v0)
		;
}

static void fpu_insn(void *arg)
{
	(void)arg;
	__asm__ volatile("fnop");
}

/*
 * After fpu_taskswitch(1): one #NM of ours, and then the FPU usable at
 * once, the next FPU instruction running with no switch away and back
 * in between. (A VMM that left CR0.TS set after the #NM, the FPU being
 * ours already, would make that instruction trap into the VMM again and
 * again until a switch clears TS: slow, but it ends, so only the time
 * version shows it.) A switch may also come by chance just then: one
 * try of TRIES without one is enough. With `away`, a switch comes
 * between the fpu_taskswitch and the #NM.
 */
#define TRIES 10

static void one_nm_then_usable(int away)
{
	struct fault f;
	uint32_t v0;

	for (int i = 0; i < TRIES; i++) {
		check_eq(_hypercall1(__HYPERVISOR_fpu_taskswitch, 1), 0);
		if (away)
			until_switched();
		check_eq(exec_fault(fpu_insn, NULL, &f), 1);
		check_eq(f.vector, 7);
		v0 = vcpu0()->time.version;
		check_eq(exec_fault(fpu_insn, NULL, &f), 0);
		check(same());
		if (vcpu0()->time.version == v0)
			return;
	}
	xtf_failure("after our #NM the FPU was usable only after a switch, "
		    "%d times in %d: TS left set",
		    TRIES, TRIES);
}

/*
 * Registers changed since the last switch survive our own #NM while we
 * own the FPU: a VMM that reloads its saved copy of them then (it need
 * not: they are in the FPU) gives us back old ones. A switch between the
 * load and the #NM would save and restore them anyway: then we try
 * again.
 */
static void own_nm_keeps_registers(uint32_t seed)
{
	struct fault f;

	for (int i = 0; i < TRIES; i++) {
		uint32_t v0 = vcpu0()->time.version;

		load(seed);
		check_eq(_hypercall1(__HYPERVISOR_fpu_taskswitch, 1), 0);
		check_eq(exec_fault(fpu_insn, NULL, &f), 1);
		if (vcpu0()->time.version != v0)
			continue;
		if (!same())
			xtf_failure("our own #NM, the FPU ours: the registers "
				    "loaded since the last switch are gone");
		return;
	}
	xtf_failure("a switch came between a load and our #NM %d times in %d",
		    TRIES, TRIES);
}

/* The guest's own TS: its next FPU use raises #NM in the guest, once:
 * delivering the #NM clears it (as Xen's does), the VMM having made the
 * FPU ours first. Set again, it survives a switch away and back. */
static void taskswitch(void)
{
	struct fault f;

	one_nm_then_usable(0);
	/* The delivery cleared the flag for good: after a switch away and
	 * back, no #NM of ours (the VMM sets TS at each switch to us only
	 * while the flag is set). */
	until_switched();
	check_eq(exec_fault(fpu_insn, NULL, &f), 0);
	/* another pattern (seed ^ 3 keeps MXCSR valid: load() puts the seed
	 * in its rounding bits) */
	own_nm_keeps_registers(test_arg_num("seed", 1) ^ 3);
	one_nm_then_usable(1);
	check_eq(_hypercall1(__HYPERVISOR_fpu_taskswitch, 0), 0);
	check_eq(exec_fault(fpu_insn, NULL, &f), 0);
	printf("fpu_taskswitch: one #NM ours each time it was set, across a "
	       "switch too\n");
}

void test_main(void)
{
	uint32_t seed = test_arg_num("seed", 1), bad = 0;

	fresh();
	load(seed);
	for (int i = 0; i < ROUNDS; i++) {
		until_switched();
		bad += !same();
	}
	check_eq(bad, 0);
	printf("%u switches: our FPU registers kept each time\n", ROUNDS);
	taskswitch();
	xtf_success("FPU state is per domain");
}
