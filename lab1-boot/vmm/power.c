/* Power-off through QEMU's isa-debug-exit device. */
#include <vmm/power.h>
#include <arch/x86.h>

void poweroff(int code)
{
	cli();
	outb(DEBUG_EXIT_PORT, (uint8_t)code);
	/* Without the device (plain QEMU, real hardware): stop here. */
	for (;;)
		hlt();
}
