/* The paravirtual platform: each operation is a hypercall. */
#include <guest/hypercall.h>
#include <guest/platform.h>

static void pv_console_write(const char *s, unsigned len)
{
	HYPERVISOR_console_io(CONSOLEIO_write, len, s);
}

static __noreturn void pv_shutdown(unsigned reason)
{
	struct sched_shutdown arg = { reason };

	for (;;) /* only returns if the VMM refused */
		HYPERVISOR_sched_op(SCHEDOP_shutdown, &arg);
}

static const struct platform_ops pv_ops = {
	.name = "xen-pv",
	.console_write = pv_console_write,
	.shutdown = pv_shutdown,
};

const struct platform_ops *platform = &pv_ops;
