/*
 * Upcalls: the VMM enters the guest kernel's event callback as hardware
 * enters an interrupt handler, and the guest returns with the iret
 * hypercall (public/callback.h).
 *
 *   evtchn_set_pending: upcall_pending = 1   (event.c, any time)
 *   return_to_guest -> deliver_events: pending and not masked?
 *       bounce frame on the guest kernel stack, mask = 1, eip = callback
 *   guest callback: handles the pending ports, then HYPERVISOR_iret
 *   do_iret: pops eax, eip, cs, eflags [, esp, ss]; mask = !eflags.IF
 *   return_to_guest -> deliver_events again: an event that came while
 *       the callback ran is delivered now, before the guest runs on.
 *
 * Because unmasking and returning are one step in the VMM, no event can
 * slip in between a guest's "unmask" and its "return" and wait unseen.
 */
#include <lib/exercise.h>
#include <public/callback.h>
#include <public/errno.h>
#include <public/shared_info.h>
#include <public/xen.h>
#include <vmm/bounce.h>
#include <vmm/desc.h>
#include <vmm/domain.h>
#include <vmm/event.h>
#include <vmm/guestmem.h>
#include <vmm/hypercall.h>
#include <vmm/registry.h>
#include <vmm/sched.h>

/* set_callbacks(event_cs, event_eip, failsafe_cs, failsafe_eip): an eip
 * of 0 removes a callback. -EPERM for a selector the guest kernel may not
 * run on, -EINVAL for an address in the hole. */
static long do_set_callbacks(unsigned long ecs, unsigned long eeip,
			     unsigned long fcs, unsigned long feip)
{
	struct vcpu *v = current;

	if ((eeip && check_code_selector(v->domain, (uint16_t)ecs)) ||
	    (feip && check_code_selector(v->domain, (uint16_t)fcs)) ||
	    ecs > 0xFFFF || fcs > 0xFFFF)
		return -EPERM;
	if (eeip >= HYPERVISOR_VIRT_START || feip >= HYPERVISOR_VIRT_START)
		return -EINVAL;
	v->ext.callback_cs = (uint16_t)ecs;
	v->ext.callback_eip = eeip;
	v->ext.failsafe_cs = (uint16_t)fcs;
	v->ext.failsafe_eip = feip;
	return 0;
}
HYPERCALL(__HYPERVISOR_set_callbacks, do_set_callbacks);

void deliver_events(struct vcpu *v, struct cpu_regs *r)
{
	struct vcpu_info *vi = &v->domain->ext.shared->vcpu_info[0];
	struct trap_info ti;

	if (!vi->evtchn_upcall_pending || vi->evtchn_upcall_mask ||
	    !v->ext.callback_eip)
		return; /* nothing to deliver, or no way to */
	/* The callback's selector was checked when it was registered; a GDT
	 * change since may have taken it away (lab 2's fix_segments drops
	 * the trap-table entries, not this). Never return through it. */
	if (check_code_selector(v->domain, v->ext.callback_cs)) {
		domain_crash(v->domain, r, 0,
			     "the event callback's code selector %04x is no "
			     "longer usable",
			     v->ext.callback_cs);
		return;
	}
	ti = (struct trap_info){ 0, 0, v->ext.callback_cs,
				 v->ext.callback_eip };
	/* BEGIN LAB 4 EXERCISE 5 (deliver_events) */
	(void)r, (void)ti;
	EXERCISE_STUB(4, 5, "deliver_events");
	/* END LAB 4 EXERCISE 5 */
}

/* The eflags bits a guest may choose (Xen lets the same through): the
 * arithmetic flags, TF, DF, RF, AC and ID. IF is always set (only the
 * mask stands for it), IOPL 0, never VM or NT. */
#define IRET_EFLAGS_GUEST 0x00250DD5u
#define EFLAGS_FIXED	  0x00000202u

/* A selector iret may load at `ring` (1 or 3): RPL `ring`, and one of
 * the guest's present descriptors (guest_desc: its GDT in use or the flat
 * ones) of DPL `ring` that is code (for cs) or writable data (for ss).
 * The VMM never returns through a selector that would fault. Returns 1
 * if sel may be loaded, 0 if not (the opposite sense of lab 2's
 * check_code_selector, which returns nonzero to refuse). */
static int iret_selector_ok(const struct domain *d, uint32_t sel, int ring,
			    int code)
{
	const struct seg_desc *desc;
	uint32_t type;

	if (sel > 0xFFFF || (int)(sel & 3) != ring)
		return 0;
	desc = guest_desc(d, (uint16_t)sel);
	if (!desc || !(desc->hi & DESC_P) || !(desc->hi & DESC_S) ||
	    (int)DESC_DPL(desc->hi) != ring)
		return 0;
	type = desc->hi & (DESC_CODE | DESC_WRITE);
	return code ? (type & DESC_CODE) != 0 : type == DESC_WRITE;
}

/*
 * LAB 4 EXERCISE 6. iret (public/callback.h): pops the frame at the
 * guest's esp - eax, eip, cs, eflags, and esp, ss when cs is ring 3 -
 * into the guest's registers, with eflags limited to IRET_EFLAGS_GUEST
 * plus EFLAGS_FIXED, and sets evtchn_upcall_mask to !eflags.IF. Returns
 * the frame's eax (dispatch stores it in eax). A frame that cannot be
 * read, a cs of ring 0 or 2, or a cs or ss that iret_selector_ok refuses
 * ends the domain, always with domain_crash(d, r, 0, "iret: bad frame at
 * esp %08x", r->esp): the frame's address as the call found it (the
 * grader looks for this line).
 */
static long do_iret(void)
{
	struct vcpu *v = current;
	struct domain *d = v->domain;
	struct cpu_regs *r = vcpu_regs(v);
	struct iret_frame f;

	/* BEGIN LAB 4 EXERCISE 6 (iret) */
	(void)d, (void)r, (void)f, (void)iret_selector_ok;
	EXERCISE_STUB(4, 6, "iret");
	/* END LAB 4 EXERCISE 6 */
}
HYPERCALL(__HYPERVISOR_iret, do_iret);
