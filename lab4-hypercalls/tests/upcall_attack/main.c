/*
 * upcall_attack (hostile): the VMM writes the upcall's frame (eip, cs,
 * eflags) on our kernel stack, as the CPU would for an interrupt; we
 * give it a stack it must not write, then have an event delivered: a
 * send on a loopback channel while masked, then, on the bad stack, the
 * mask cleared by hand and a null hypercall, whose return delivers it.
 * Command line stack=...:
 *   hole      0xF8000000, the VMM's own memory
 *   estack    the top of the entry stack (the trampoline page every
 *             guest may write to, the VMM's between entries)
 *   pt        the top of our own L2 page table (read-only to us)
 *   wrap      0x00000008, our page 0 mapped: the frame would wrap
 *             around to the hole
 *   straddle  4 bytes above an unmapped page: the frame runs into it
 * The domain must be destroyed ("cannot write the event upcall frame"),
 * the VMM and the victim go on; never a write through the VMM's own
 * mappings into the hole, the entry stack or our page table.
 * cs=gone: our callback's code selector is one of our own GDT's; we
 * make that descriptor not present (update_descriptor), then an event
 * comes: the VMM must see that the callback's selector is gone and end
 * us before it tries the upcall (not by a fault on its way out), and
 * never fault itself.
 */
#include <lib/string.h>
#include <guest/events.h>
#include <guest/gdt.h>
#include <guest/hole.h>
#include <guest/pt.h>
#include <guest/test.h>
#include <vmm/segments.h>

const char test_title[] = "upcall_attack: upcall frames on stacks we may not "
			  "have";

#define LOW_VA (0xF0000000u - 0x3000) /* our page; the one below unmapped */

static volatile uint32_t got;

void upcall_entry(void); /* the test library's callback */

static void handler(uint32_t port)
{
	(void)port;
	got++;
}

/* A loopback event pending, events masked. */
static void event_waiting(void)
{
	int a = evtchn_alloc_unbound(DOMID_SELF);
	int b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)a);

	check(a > 0 && b > 0);
	events_mask();
	check_eq(evtchn_send((uint32_t)a), 0);
	check_eq(vcpu0()->evtchn_upcall_pending, 1);
}

static __noreturn void upcall_on(uint32_t esp)
{
	check_eq(events_init(handler), 0);
	event_waiting();
	printf("an upcall on a kernel stack at %08x\n", esp);
	console_flush();
	__asm__ volatile("movl %0, %%esp\n\t"
			 "movb $0, (%1)\n\t" /* evtchn_upcall_mask */
			 "movl %2, %%eax\n\t"
			 "xorl %%ebx, %%ebx\n\t"
			 "int $0x82\n\t"
			 "ud2"
			 :
			 : "r"(esp), "r"(&vcpu0()->evtchn_upcall_mask),
			   "i"(__HYPERVISOR_xen_version)
			 : "memory");
	__builtin_unreachable();
}

static uint32_t straddle(void)
{
	uint32_t l1 = l1_make(0), low = page_get();
	long rc;

	check_eq(set_entry(l2_pfn(), HOLE_SLOT - 1,
			   pte(pfn_to_mfn(l1), PTE_RW)),
		 0);
	rc = HYPERVISOR_update_va_mapping(LOW_VA, ptep(low, PTE_RW),
					  UVMF_INVLPG);
	check_eq(rc, 0);
	return LOW_VA + 4;
}

static struct seg_desc gdt[512] __attribute__((aligned(4096)));

static void cs_gone(void)
{
	uint16_t cs = (1 << 3) | 1;

	gdt[1] = seg_make(0, 0xFFFFF, ACC_CODE_SEG(1), 1);
	check_eq(gdt_install(gdt, 2), 0);
	check_eq(events_init(handler), 0);
	check_eq(HYPERVISOR_set_callbacks(cs, (unsigned long)upcall_entry, 0,
					  0),
		 0);
	event_waiting();
	events_unmask();
	check_eq(got, 1);
	printf("callback on our own selector %x: works\n", cs);
	check_eq(gdt_update(gdt, 1,
			    seg_make(0, 0xFFFFF, ACC_CODE_SEG(1) & ~ACC_P, 1)),
		 0);
	printf("its descriptor made not present; an event\n");
	console_flush();
	event_waiting();
	events_unmask();
	check_eq(got, 1);
	xtf_success("the callback was dropped with its selector");
}

void test_main(void)
{
	char stack[12] = "", cs[8] = "";
	struct tramp t;

	test_arg("stack", stack, sizeof(stack));
	test_arg("cs", cs, sizeof(cs));
	if (!strcmp(cs, "gone")) {
		cs_gone();
		return;
	}
	if (!strcmp(stack, "hole"))
		upcall_on(0xF8000000u);
	if (!strcmp(stack, "estack")) {
		tramp_find(&t);
		upcall_on(((const struct tss *)t.tss)->esp0);
	}
	if (!strcmp(stack, "pt"))
		upcall_on(start_info->pt_base + 4096);
	if (!strcmp(stack, "wrap")) {
		/* Our page 0 mapped: the frame's low 8 bytes would fit. */
		uint32_t l1 = l1_make(0), zero = page_get();

		check_eq(set_entry(l2_pfn(), 0, pte(pfn_to_mfn(l1), PTE_RW)),
			 0);
		check_eq(HYPERVISOR_update_va_mapping(0, ptep(zero, PTE_RW),
						      UVMF_INVLPG),
			 0);
		upcall_on(8);
	}
	if (!strcmp(stack, "straddle"))
		upcall_on(straddle());
	xtf_error("stack=hole|estack|pt|wrap|straddle or cs=gone");
}
