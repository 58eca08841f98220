/*
 * Hardware interrupts (lab 5 replaces lab 1's weak `interrupt`, which
 * only reported them). They arrive while a guest runs (the guest's IF
 * is always set; ring 1 cannot clear it, cli is privileged) or while the
 * VMM halts in the idle loop; the VMM itself runs with them off, so a
 * handler never interrupts VMM code. IRQ 0 is the PIT: the due timers
 * run (vmm/timer.c), which may ask for a reschedule, done on the way
 * back to the guest (vmm/entry_ext.h).
 */
#include <vmm/pic.h>
#include <vmm/pit.h>
#include <vmm/preempt.h>
#include <vmm/printk.h>
#include <vmm/regs.h>
#include <vmm/time.h>
#include <vmm/timer.h>
#include <vmm/trap.h>

void interrupt(struct cpu_regs *r)
{
	switch (r->vector) {
	case PIT_VECTOR:
		pic_eoi(PIT_IRQ);
		timer_due_set = 0; /* timers_run arms the next, if any */
		if (time0_tsc) /* not the calibration shot's: no timer yet */
			timer_interrupt();
		return;
	case PIC_VECTOR_BASE + 7:
		return; /* the 8259's spurious IRQ 7: no EOI */
	default:
		printk("unexpected interrupt, vector %u\n", r->vector);
	}
}
