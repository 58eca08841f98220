/*
 * trap(): where every interrupt and exception arrives, from the guests and
 * from the VMM itself, with the interrupted registers.
 */
#include <stddef.h>
#include <public/xen.h>
#include <vmm/domain.h>
#include <vmm/entry.h>
#include <vmm/power.h>
#include <vmm/printk.h>
#include <vmm/sched.h>
#include <vmm/symbols.h>
#include <vmm/trap.h>
#include <arch/x86.h>

/* tramp.S addresses struct cpu_regs through the REGS_* offsets. */
_Static_assert(offsetof(struct cpu_regs, eax) == REGS_EAX, "regs layout");
_Static_assert(offsetof(struct cpu_regs, gs) == REGS_GS, "regs layout");
_Static_assert(offsetof(struct cpu_regs, ds) == REGS_DS, "regs layout");
_Static_assert(offsetof(struct cpu_regs, vector) == REGS_VECTOR, "layout");
_Static_assert(offsetof(struct cpu_regs, eip) == REGS_EIP, "regs layout");
_Static_assert(offsetof(struct cpu_regs, cs) == REGS_CS, "regs layout");
_Static_assert(offsetof(struct cpu_regs, ss) == REGS_SS, "regs layout");
_Static_assert(sizeof(struct cpu_regs) == REGS_SIZE, "regs layout");

static const char *const exception_names[NR_EXCEPTIONS] = {
	[T_DE] = "#DE divide error",
	[T_DB] = "#DB debug",
	[T_NMI] = "NMI",
	[T_BP] = "#BP breakpoint",
	[T_OF] = "#OF overflow",
	[T_BR] = "#BR bound range",
	[T_UD] = "#UD invalid opcode",
	[T_NM] = "#NM device not available",
	[T_DF] = "#DF double fault",
	[T_TS] = "#TS invalid TSS",
	[T_NP] = "#NP segment not present",
	[T_SS] = "#SS stack fault",
	[T_GP] = "#GP general protection",
	[T_PF] = "#PF page fault",
	[T_MF] = "#MF x87 error",
	[T_AC] = "#AC alignment check",
	[T_MC] = "#MC machine check",
	[T_XM] = "#XM SIMD error",
};

const char *trap_name(uint32_t vector)
{
	if (vector == HYPERCALL_VECTOR)
		return "hypercall";
	if (vector < NR_EXCEPTIONS && exception_names[vector])
		return exception_names[vector];
	return vector < NR_EXCEPTIONS ? "reserved exception" : "interrupt";
}

void dump_regs(const struct cpu_regs *r, uint32_t cr2)
{
	printk("  eip %08x  cs %04x  eflags %08x  vector %u  error %08x\n",
	       r->eip, r->cs, r->eflags, r->vector, r->error);
	printk("  eax %08x  ebx %08x  ecx %08x  edx %08x  cr2 %08x\n", r->eax,
	       r->ebx, r->ecx, r->edx, cr2);
	printk("  esi %08x  edi %08x  ebp %08x", r->esi, r->edi, r->ebp);
	if (regs_ring(r))
		printk("  esp %08x  ss %04x\n", r->esp, r->ss);
	else
		printk("\n");
}

/* An exception in the VMM itself is a VMM bug: report it and stop. */
static __noreturn void vmm_fault(const struct cpu_regs *r, uint32_t cr2)
{
	printk("VMM FAULT: %s in the VMM\n", trap_name(r->vector));
	dump_regs(r, cr2);
	printk("backtrace:\n");
	print_symbol_line(r->eip, 0);
	backtrace(r->ebp);
	poweroff(VMM_EXIT_PANIC);
}

void crash_on_exception(struct cpu_regs *r, uint32_t cr2)
{
	const char *what = "";

	if (r->vector == T_PF)
		what = (r->error & PFEC_WRITE) ? " writing" : " reading";
	domain_crash(current->domain, r, cr2, "%s%s at eip %08x (cr2 %08x)",
		     trap_name(r->vector), what, r->eip, cr2);
}

/*
 * A fault between resume_guest's switch to the guest's address space and
 * its iret: loading a segment the guest left, or returning through one,
 * failed. The guest is at fault, not the VMM (the VMM checks what it can;
 * this is the net below). Ends that domain and runs the next one, as Xen
 * does for a failed return to a guest. tramp.S has already moved r off
 * the entry stack, which every guest can read, and wiped it: this runs,
 * like all C code, on the vCPU's own VMM stack.
 */
static void exit_fault(struct cpu_regs *r, uint32_t cr2)
{
	domain_crash(current->domain, NULL, cr2,
		     "%s returning to the guest (eip %08x): a segment it left "
		     "is unusable",
		     trap_name(r->vector), r->eip);
	schedule(); /* never returns: the domain is gone */
}

/* Lab 1: a guest exception ends the guest. Lab 2 bounces it instead. */
__weak void guest_exception(struct cpu_regs *r, uint32_t cr2)
{
	crash_on_exception(r, cr2);
}

/* Hardware interrupts arrive from lab 5 on; until then there are none. */
__weak void interrupt(struct cpu_regs *r)
{
	printk("spurious interrupt, vector %u\n", r->vector);
}

void return_to_guest(struct vcpu *v)
{
	leave_to_guest(v, vcpu_regs(v));
}

/* A trap in the VMM itself: the return path's net, an interrupt, or a
 * VMM bug. */
static void trap_in_vmm(struct cpu_regs *r, uint32_t cr2)
{
	if (r->vector < NR_EXCEPTIONS &&
	    r->eip >= (uintptr_t)resume_fixup_start &&
	    r->eip < (uintptr_t)resume_fixup_end)
		exit_fault(r, cr2);
	if (r->vector < NR_EXCEPTIONS)
		vmm_fault(r, cr2);
	interrupt(r);
}

/* Every exception and interrupt, from a guest and from the VMM itself.
 * (A guest's int $0x82 goes to hypercall_trap instead: hypercall.c.) */
void trap(struct cpu_regs *r)
{
	uint32_t cr2 = r->vector == T_PF ? read_cr2() : 0;
	struct vcpu *v = current;

	if (regs_ring(r) == 0) {
		trap_in_vmm(r, cr2);
		return;
	}
	guest_entered(v, r, ~0u);
	if (r->vector < NR_EXCEPTIONS) {
		if (!ext_guest_trap(v, r))
			guest_exception(r, cr2);
	} else {
		interrupt(r);
	}
	if (v->domain->state != DOM_RUNNING)
		schedule(); /* never returns: the domain is gone */
	leave_to_guest(v, r);
}
