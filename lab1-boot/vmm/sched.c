/*
 * The scheduler core: vCPU set-up, the switch, the idle loop. Which vCPU
 * runs is the policy's choice (struct scheduler).
 */
#include <lib/string.h>
#include <vmm/domain.h>
#include <vmm/power.h>
#include <vmm/printk.h>
#include <vmm/frame.h>
#include <vmm/registry.h>
#include <vmm/sched.h>
#include <vmm/trap.h>

extern const struct scheduler sched_fifo;
const struct scheduler *scheduler = &sched_fifo;

/* The boot stack's context: runs when no guest can. */
static struct vcpu idle_vcpu;
struct vcpu *current = &idle_vcpu;

static void vcpu_first_run(void)
{
	return_to_guest(current);
}

void vcpu_init(struct vcpu *v, struct domain *d)
{
	uint32_t *sp;

	v->domain = d;
	v->stack_top = (uint32_t)(uintptr_t)(v->stack + VCPU_STACK_SIZE);
	sp = (uint32_t *)(uintptr_t)(v->stack_top - REGS_SIZE);
	*--sp = (uint32_t)(uintptr_t)vcpu_first_run; /* context_switch's ret */
	for (int i = 0; i < 4; i++)
		*--sp = 0; /* ebp, ebx, esi, edi */
	v->saved_esp = (uint32_t)(uintptr_t)sp;
}

void sched_add(struct vcpu *v)
{
	scheduler->wake(v);
}

void sched_remove(struct vcpu *v)
{
	scheduler->sleep(v);
}

void schedule(void)
{
	struct vcpu *prev = current;
	struct vcpu *next = scheduler->pick_next();

	if (!next)
		next = &idle_vcpu;
	if (next == prev)
		return;
	for_each_entry (switch_hook, h)
		h->fn(next);
	tramp_vmm_stack_top = next->stack_top;
	current = next;
	context_switch(&prev->saved_esp, next->saved_esp);
}

static int domains_alive(void)
{
	int n = 0;

	for (int i = 0; i < MAX_DOMAINS; i++)
		n += domains[i].state == DOM_RUNNING ||
		     domains[i].state == DOM_DYING;
	return n;
}

/* Lab 1 has nothing to wait for: a live domain that cannot run is a bug.
 * Lab 5 halts here until a timer or device interrupt. */
__weak void idle_wait(void)
{
	panic("idle: domains are alive but none can run");
}

static __noreturn void all_done(uint32_t frames_at_boot)
{
	int failed = domains_summary();
	uint32_t free_now = frames_free();

	if (free_now != frames_at_boot) {
		printk("LEAK: %u frames free at boot, %u now\n", frames_at_boot,
		       free_now);
		failed++;
	}
	printk("all domains gone (%d failed), %u frames free; power off\n",
	       failed, free_now);
	poweroff(failed ? VMM_EXIT_FAILED : VMM_EXIT_CLEAN);
}

void idle_loop(uint32_t frames_at_boot)
{
	for (;;) {
		schedule();
		if (!domains_alive())
			all_done(frames_at_boot);
		idle_wait();
	}
}
