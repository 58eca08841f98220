/* The paravirtual platform: each operation is a hypercall, or a read of
 * what the VMM left in the shared-info page. */
#include <guest/batch.h>
#include <guest/hypercall.h>
#include <guest/hypercall_rings.h>
#include <guest/platform.h>
#include <public/layout.h>
#include <public/shared_info.h>

static void pv_console_write(const char *s, unsigned len)
{
	HYPERVISOR_console_io(CONSOLEIO_write, len, s);
}

static const char refused[] = "shutdown refused by the VMM: ending with ud2\n";

/* The call returns only if the VMM refused it (a broken VMM): say so,
 * take back every trap handler, and end with an exception that then has
 * no handler, which the VMM answers by destroying the domain. A guest
 * that went on asking would wait for the grader's timeout. */
static __noreturn void pv_shutdown(unsigned reason)
{
	struct sched_shutdown arg = { reason };

	HYPERVISOR_sched_op(SCHEDOP_shutdown, &arg);
	pv_console_write(refused, sizeof(refused) - 1);
	HYPERVISOR_set_trap_table(0); /* no handler left */
	for (;;)
		__asm__ volatile("ud2");
}

/* The VMM copies the table into its virtual IDT; vector
 * FAST_TRAP_VECTOR, with DPL 3 and without TI_IF, becomes a real IDT
 * gate into the guest kernel. */
static int pv_set_trap_table(const struct trap_info *table)
{
	return (int)HYPERVISOR_set_trap_table(table);
}

/* The VMM puts it in the TSS (ss1:esp1) whenever this guest runs. In a
 * batch (guest/batch.h) the call is kept for the batch's end. */
static int pv_stack_switch(uint32_t esp)
{
	if (batch_queue(__HYPERVISOR_stack_switch, FLAT_RING1_SS, esp, 0, 0, 0))
		return 0;
	return (int)HYPERVISOR_stack_switch(FLAT_RING1_SS, esp);
}

/* A guest cannot read %cr2: the VMM writes the address into shared info
 * before it bounces a page fault. The builder maps that page just past
 * the domain's memory (public/layout.h). */
static uint32_t pv_fault_address(void)
{
	const struct shared_info *s =
		(const struct shared_info *)KIT_SHARED_INFO_VA(
			start_info->nr_pages);

	return s->vcpu_info[0].arch.cr2;
}

static const struct platform_ops pv_ops = {
	.name = "xen-pv",
	.console_write = pv_console_write,
	.shutdown = pv_shutdown,
	.set_trap_table = pv_set_trap_table,
	.stack_switch = pv_stack_switch,
	.fault_address = pv_fault_address,
	.kernel_cs = FLAT_RING1_CS,
	.user_cs = FLAT_RING3_CS,
	.user_ds = FLAT_RING3_DS,
};

const struct platform_ops *platform = &pv_ops;
