/* The 8259A interrupt controllers (pic.c). */
#ifndef VMM_PIC_H
#define VMM_PIC_H

#define PIC_VECTOR_BASE 32 /* IRQ n arrives on vector 32 + n */

/* Remaps the PICs above the exceptions and masks every IRQ. */
void pic_init(void);

#endif
