/*
 * The guest kernel's clock (lab 5): system time and the wall clock,
 * read from the shared-info page without entering the VMM, as Xen's
 * guests read theirs.
 *
 * System time. The VMM publishes in our vcpu_info a reading of system
 * time (system_time, ns since it booted), the TSC at that moment
 * (tsc_timestamp) and the scale from TSC ticks to ns (mul, shift). Now
 * is the published time plus the ticks since, scaled: lib/time_scale.h's
 * scale_delta, the very conversion the VMM makes.
 *
 * The seqlock. The VMM rewrites those fields when it schedules us in,
 * which may happen between any two of our instructions: a reader must
 * not mix an old field with a new one. version is odd while the VMM
 * writes and changes with every update, so the reader copies the fields
 * and tries again until it saw the same even version before and after.
 * The wall clock (wc_sec, wc_nsec: the time of day at system time 0)
 * has a version of its own, kept the same way.
 *
 * The kernel prints its view of time when it starts and when it ends;
 * processes read system time with the time_ns system call.
 */
#include <arch/x86.h>
#include <lib/time_scale.h>
#include <guest/console.h>
#include <guest/platform.h>
#include <guest/syscall_time.h>
#include <guest/time_read.h>
#include <public/layout.h>
#include <public/shared_info.h>
#include <clock.h>
#include <kernel.h>

static volatile struct shared_info *shared(void)
{
	return (volatile struct shared_info *)KIT_SHARED_INFO_VA(
		start_info->nr_pages);
}

uint64_t clock_ns(void)
{
	return time_read(&shared()->vcpu_info[0].time, 0);
}

uint32_t clock_wall_sec(void)
{
	return wallclock_read(shared());
}

/* "kernel: at <when>, time 12.345 ms since boot, wall clock N s". */
static void print_time(const char *when)
{
	uint32_t us = (uint32_t)udiv64(clock_ns(), NS_PER_US);

	printf("kernel: at %s, time %u.%03u ms since boot, wall clock %u s\n",
	       when, us / 1000, us % 1000, clock_wall_sec());
}

static void clock_boot(void)
{
	print_time("boot");
}
BOOT_STEP(35, clock_boot);

static void clock_end(void)
{
	print_time("exit");
}
END_STEP(90, clock_end);

/* time_ns(): system time, low half in eax, high half in edx. */
static long sys_time_ns(struct trapframe *tf)
{
	uint64_t ns = clock_ns();

	tf->edx = (uint32_t)(ns >> 32);
	return (long)(uint32_t)ns;
}
SYSCALL(SYS_time_ns, sys_time_ns);
