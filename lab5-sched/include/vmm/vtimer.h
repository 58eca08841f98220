/*
 * A guest's timers (vmm/set_timer.c): the one-shot timer of set_timer_op
 * and the periodic tick of vcpu_op. Both raise VIRQ_TIMER in the guest
 * (lab 4's send_virq: nothing if the guest has not bound it).
 */
#ifndef VMM_VTIMER_H
#define VMM_VTIMER_H

#include <vmm/domain.h>

/* Sets up v's two timers (their functions); at domain build. */
void vtimer_init(struct vcpu *v);

/* v is dispatched: a tick it missed while it was not running is
 * raised at once (one, not one per period), and the next is armed. */
void vtimer_resume(struct vcpu *v);

/* v stops running: its periodic tick stops until vtimer_resume. */
void vtimer_pause(struct vcpu *v);

/* v's domain dies: both timers stop. */
void vtimer_stop_all(struct vcpu *v);

#endif
