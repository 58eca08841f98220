/*
 * The kernel's trap table and what it does with each entry.
 *
 * Exceptions 0..19 go to the stubs of entry.S. Only int3 (#BP) and into
 * (#OF) may be raised on purpose from user mode (DPL 3); the others have
 * DPL 0, so an "int n" for them from user mode is a #GP instead. The
 * system call, int $0x80, has DPL 3 and no TI_IF: the VMM then makes it a
 * real IDT gate and a system call never enters the VMM.
 *
 * Invariant: a trap from user mode either returns to the process that
 * raised it or ends that process; a trap from the kernel itself (ring 1)
 * is a kernel bug and shuts the domain down.
 */
#include <lib/compiler.h>
#include <guest/console.h>
#include <guest/platform.h>
#include <public/arch-x86_32.h>
#include <public/errno.h>
#include <kernel.h>

#define T_PF	      14 /* page fault */
#define PF_WRITE      2	 /* error-code bit: a write, not a read */
#define NR_EXCEPTIONS 20

static struct trap_info table[NR_EXCEPTIONS + 2]; /* + 0x80 + the end */

static const char *const names[NR_EXCEPTIONS] = {
	"divide error",
	"debug",
	"NMI",
	"breakpoint",
	"overflow",
	"bound range exceeded",
	"invalid opcode",
	"device not available",
	"double fault",
	"coprocessor segment overrun",
	"invalid TSS",
	"segment not present",
	"stack fault",
	"general protection fault",
	"page fault",
	"reserved exception 15",
	"x87 floating-point error",
	"alignment check",
	"machine check",
	"SIMD floating-point error",
};

static const char *trap_name(uint32_t vector)
{
	return vector < NR_EXCEPTIONS ? names[vector] : "interrupt";
}

void trap_init(void)
{
	int n = 0, rc;

	for (int v = 0; v < NR_EXCEPTIONS; v++)
		table[n++] = (struct trap_info){
			.vector = (uint8_t)v,
			.flags = TI_DPL(v == 3 || v == 4 ? 3 : 0),
			.cs = platform->kernel_cs,
			.address = trap_stubs[v],
		};
	table[n++] = (struct trap_info){
		.vector = FAST_TRAP_VECTOR,
		.flags = TI_DPL(3), /* no TI_IF: the fast gate */
		.cs = platform->kernel_cs,
		.address = (uint32_t)syscall_entry,
	};
	table[n] = (struct trap_info){ 0 }; /* address 0: the end */
	rc = platform->set_trap_table(table);
	if (rc)
		panic("set_trap_table refused the trap table (%d)", rc);
}

/* A kernel bug: there is nobody to deliver the fault to. */
static __noreturn void kernel_fault(const struct trapframe *tf)
{
	if (tf->vector == T_PF)
		panic("%s in the kernel at eip %08x (address %08x, error %x)",
		      trap_name(tf->vector), tf->eip, platform->fault_address(),
		      tf->error);
	panic("%s in the kernel at eip %08x (error %x)", trap_name(tf->vector),
	      tf->eip, tf->error);
}

/* A user page fault the kernel can resolve (lab 3: demand-zero and
 * copy-on-write memory): 0 if resolved, else -EFAULT, or -ENOMEM if it
 * should have been but memory ran out. Lab 2 resolves none. */
__weak int user_page_fault(uint32_t va, int write)
{
	(void)va, (void)write;
	return -EFAULT;
}

/* A user program's fault: resolved if user_page_fault can, else the
 * process is killed, the others go on. */
static void user_fault(const struct trapframe *tf)
{
	uint32_t va;
	int rc;

	if (tf->vector != T_PF)
		proc_kill("%s at eip %08x", trap_name(tf->vector), tf->eip);
	va = platform->fault_address();
	rc = user_page_fault(va, tf->error & PF_WRITE);
	if (rc == -ENOMEM)
		proc_kill("out of memory at address %08x", va);
	if (rc)
		proc_kill("%s at eip %08x (%s address %08x)",
			  trap_name(tf->vector), tf->eip,
			  tf->error & PF_WRITE ? "writing" : "reading", va);
}

/* Called by alltraps (entry.S) for every entry into the kernel. */
void trap(struct trapframe *tf)
{
	if ((tf->cs & 3) != 3)
		kernel_fault(tf);
	if (tf->vector == FAST_TRAP_VECTOR)
		syscall(tf);
	else
		user_fault(tf);
}
