/*
 * Preemption (lab 5): a process that has had the CPU for a whole time
 * slice is made to give it up, whether it calls the kernel or not. In
 * labs 2 to 4 processes switch only when one gives the CPU up (a system
 * call that yields, sleeps, waits or exits, or a fault that ends it): a
 * process that spins in user mode never lets the others run.
 *
 * The slice. Every timer event (tick.c) looks at the running process.
 * The first event that finds it starts its slice; one that finds the
 * same process still running SLICE_NS later or more says the slice is
 * over. With a tick every TICK_NS, a process that keeps the CPU loses
 * it after running at least SLICE_NS, and less than SLICE_NS + TICK_NS.
 * (The kernel does not see when the scheduler switches processes; the
 * ticks it does see are precise enough.)
 *
 * Where. The kernel itself is not preemptible: its code (a system call,
 * the scheduler, the upcall's handlers) assumes that nothing else runs
 * until it gives up the CPU at a point of its choosing, sched() in
 * proc.c. So the kernel preempts at one point only: at the end of an
 * upcall that interrupted user mode (ring 3). There, the process's
 * kernel stack holds nothing but the upcall's frame and the registers
 * the entry saved, the kernel was doing nothing for it, and every event
 * has been handled: switching away is what would have happened had the
 * process called yield at the instruction it was interrupted at. When
 * it is picked again, yield returns here, and the upcall returns to user
 * mode as usual (the iret hypercall, which also unmasks events).
 *
 * An upcall that interrupted the kernel (ring 1: a system call, the
 * scheduler, idle) never switches: the slice stays over, and the first
 * upcall that finds the process back in user mode ends it. So a process
 * that spends most of its time in system calls is preempted late (a
 * real kernel also switches on its way back from a system call, Linux at
 * its need_resched check; lab 2's system calls return through trapret,
 * which has no such hook).
 *
 * The entry. Lab 4's callback returns from do_upcall straight to the
 * interrupted code; this file registers preempt_upcall_entry
 * (preempt_entry.S), which calls upcall_return(frame) in between. With
 * "notick" no slice ends, and lab 4's callback stays.
 *
 * Everything here runs in the upcall, events masked: no other event can
 * change the slice while it is looked at.
 */
#include <guest/console.h>
#include <guest/hypercall_events.h>
#include <guest/platform.h>
#include <clock.h>
#include <kernel.h>

/* What the VMM pushed when it entered the upcall (public/callback.h). */
struct upcall_frame {
	uint32_t eip, cs, eflags;
	uint32_t esp, ss; /* only when cs is ring 3 */
};

void preempt_upcall_entry(void);
void upcall_return(const struct upcall_frame *f);

/* The slice: whose (a pid: slots are reused), since when, and whether it
 * is over. slice_pid 0: none started. */
static int slice_pid;
static uint64_t slice_start;
static int slice_over;
static uint32_t preemptions;

void slice_check(uint64_t now)
{
	if (!cur) {
		slice_pid = 0; /* the scheduler or idle: no process runs */
		return;
	}
	if (cur->pid != slice_pid) {
		slice_pid = cur->pid;
		slice_start = now;
		slice_over = 0;
	} else if (now - slice_start >= SLICE_NS) {
		slice_over = 1;
	}
}

/* After do_upcall, before the return to f's context (preempt_entry.S). */
void upcall_return(const struct upcall_frame *f)
{
	if (!slice_over || !cur || cur->pid != slice_pid || (f->cs & 3) != 3)
		return;
	slice_pid = 0; /* when it runs again, a new slice */
	slice_over = 0;
	preemptions++;
	yield(); /* to the scheduler; back when picked again */
}

static void preempt_boot(void)
{
	long rc;

	if (!ticking)
		return;
	rc = HYPERVISOR_set_callbacks(
		platform->kernel_cs, (unsigned long)preempt_upcall_entry, 0, 0);
	if (rc)
		panic("set_callbacks refused the preempting upcall (%ld)", rc);
}
BOOT_STEP(41, preempt_boot);

static void preempt_report(void)
{
	if (ticking)
		printf("kernel: %u preemptions\n", preemptions);
}
END_STEP(35, preempt_report);
