/*
 * The 8253/8254 programmable interval timer (vmm/pit.c): channel 0 drives
 * IRQ 0, the VMM's one hardware timer, in one-shot mode (mode 0: one
 * interrupt when the count reaches zero). Its counter is 16 bits at
 * 1,193,182 Hz, so one shot lasts at most about 54.9 ms; a later deadline
 * is reached in several shots (vmm/timer.c re-arms after each).
 */
#ifndef VMM_PIT_H
#define VMM_PIT_H

#include <stdint.h>

#define PIT_HZ	   1193182u
#define PIT_MAX_NS 54000000u /* the longest shot asked for */
#define PIT_IRQ	   0
#define PIT_VECTOR 32 /* PIC_VECTOR_BASE + PIT_IRQ */

/* One interrupt on IRQ 0 after at least ns nanoseconds (at most
 * PIT_MAX_NS; at least one PIT tick). */
void pit_oneshot(uint32_t ns);

/* Unmasks IRQ 0 at the PIC. */
void pit_irq_enable(void);

/* Acknowledges an interrupt on IRQ irq at the PIC (end of interrupt). */
void pic_eoi(unsigned irq);

#endif
