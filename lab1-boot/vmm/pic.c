/*
 * The two 8259A interrupt controllers. The BIOS leaves them delivering
 * IRQ 0-7 on vectors 8-15, on top of the CPU's exceptions (IRQ 0, the
 * timer, would look like a double fault). pic_init moves them to vectors
 * PIC_VECTOR_BASE.. and masks every line; lab 5 unmasks the timer.
 */
#include <vmm/pic.h>
#include <arch/x86.h>

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xA0
#define PIC2_DATA 0xA1
#define ICW1_INIT 0x11 /* edge triggered, cascade, ICW4 follows */
#define ICW4_8086 0x01

void pic_init(void)
{
	outb(PIC1_DATA, 0xFF); /* mask everything first */
	outb(PIC2_DATA, 0xFF);
	outb(PIC1_CMD, ICW1_INIT);
	outb(PIC2_CMD, ICW1_INIT);
	outb(PIC1_DATA, PIC_VECTOR_BASE); /* ICW2: vector base */
	outb(PIC2_DATA, PIC_VECTOR_BASE + 8);
	outb(PIC1_DATA, 1 << 2); /* ICW3: slave on IRQ 2 */
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	outb(PIC1_DATA, 0xFF); /* all lines stay masked */
	outb(PIC2_DATA, 0xFF);
}
