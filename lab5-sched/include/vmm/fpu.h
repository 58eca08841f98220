/*
 * The FPU shared by the domains, switched lazily (vmm/fpu.c). The x87
 * and SSE registers are large (512 bytes saved by FXSAVE) and most
 * switches go between domains that do not touch them, so the VMM does
 * not save and restore them on every switch. It sets CR0.TS instead:
 * the first FPU instruction after the switch raises #NM (device not
 * available), and only then does the VMM save the registers of the vCPU
 * that owns them (fpu_owner) and load the current one's.
 *
 * Invariants: the FPU registers hold fpu_owner's state (NULL: nobody's,
 * or a dead vCPU's, to be overwritten); CR0.TS is clear only while the
 * current vCPU is fpu_owner and its guest has not set its own TS
 * (fpu_taskswitch). A vCPU's area holds its state whenever it is not
 * the owner and has used the FPU.
 */
#ifndef VMM_FPU_H
#define VMM_FPU_H

#include <vmm/domain.h>

extern struct vcpu *fpu_owner;

/*
 * LAB 5 EXERCISE 9. The #NM of v's guest (CR0.TS was set). First clear
 * TS (clts), always: v may own the FPU already, its guest having set its
 * own TS. Then the VMM's lazy switch, unless v owns the FPU: save the
 * owner's registers into its area (fxsave) if there is an owner,
 * load v's (fxrstor) if it has used the FPU before, or give it a fresh
 * FPU (fresh_fpu) if not; v becomes the owner and has used the FPU.
 * Then, if the guest had set its own TS (v->ext.fpu.guest_ts), the #NM
 * is also the guest's: clear guest_ts (delivering the #NM clears it, as
 * Xen's does: the guest kernel's handler runs with the FPU usable) and
 * return 0 to have it bounced to the guest kernel. Otherwise return 1:
 * the guest runs its instruction again.
 */
int fpu_trap(struct vcpu *v);

/* A switch to next: TS set, so that next's first FPU use traps (unless
 * next owns the FPU and its guest's TS is clear). */
void fpu_switch_to(struct vcpu *next);

/* v dies: if it owns the FPU, nobody does. */
void fpu_release(struct vcpu *v);

#endif
