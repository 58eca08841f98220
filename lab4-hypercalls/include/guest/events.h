/*
 * The test library's events (testlib/events.c): a callback that counts
 * upcalls and hands each pending, unmasked port to the test's handler,
 * the virtual interrupt flag, and the event-channel commands as calls
 * that return the port or -errno.
 */
#ifndef GUEST_EVENTS_H
#define GUEST_EVENTS_H

#include <stdint.h>
#include <lib/compiler.h>
#include <guest/hypercall_events.h>
#include <guest/traps.h>
#include <public/shared_info.h>

/* vcpu_info[0] of our shared-info page. */
struct vcpu_info *vcpu0(void);

/* Registers the test library's event callback; handler(port) runs for
 * each event it finds pending and unmasked, events masked. Events stay
 * as they are (masked or not). 0 or -errno. */
long events_init(void (*handler)(uint32_t port));

/* Upcalls taken so far, and the events handled. */
extern volatile uint32_t upcalls, events_handled;

/* The virtual interrupt flag: no VMM entry. events_unmask has a pending
 * event delivered at once (the re-check and a cheap hypercall). */
void events_mask(void);
void events_unmask(void);

/* Blocks until `*flag` is non-zero (the handler sets it); 0, or -1 if the
 * VMM woke us 1000 times without it. Events are unmasked afterwards. */
int events_wait(volatile uint32_t *flag);

/* The commands: a port (> 0) or -errno. */
int evtchn_alloc_unbound(uint32_t remote_dom);

/* A channel from us to us: *a the end offered (and sent on), *b the end
 * bound to it, which a send on *a makes pending. Checked: a test ends in
 * FAILURE if either call is refused. */
void evtchn_loopback(int *a, int *b);
int evtchn_bind_interdomain(uint32_t remote_dom, uint32_t remote_port);
int evtchn_bind_virq(uint32_t virq);
int evtchn_send(uint32_t port);
int evtchn_close(uint32_t port);
int evtchn_unmask(uint32_t port);
/* status into *st; 0 or -errno. */
int evtchn_status(uint32_t port, struct evtchn_status *st);

/* Sets or clears the mask bit of a port directly (shared info). */
void evtchn_mask_port(uint32_t port, int masked);

/* The pending bit of a port, as the guest sees it. */
int evtchn_is_pending(uint32_t port);

/* What an iret by hand landed with (testlib/iret.c). */
struct iret_landing {
	uint32_t eax, ebx, esi; /* ebx, esi: set to 0x55aa55aa, 0x66bb66bb
				 * before the call, so must come back so */
	uint32_t eflags;	/* as pushf reads it after the landing */
	uint32_t esp_before, esp_after; /* around the frame: equal */
	uint32_t lands;			/* 1 once it has landed */
};

/* Pushes a frame - eax, eip (just past the hypercall), FLAT_RING1_CS,
 * eflags - and makes the iret hypercall; *l says where it landed. */
void iret_by_hand(uint32_t eflags, uint32_t eax, struct iret_landing *l);

/* The iret hypercall with %esp = esp: the frame the caller left there
 * (eax, eip, cs, eflags [, esp, ss]). Flushes the console first; never
 * returns here. */
__noreturn void iret_at(uint32_t esp);

struct mmuext_op;

/* The registers a raw callback sees (testlib/raw_upcall.c): what the
 * callback's pushal saved, then the upcall's frame. Changing them changes
 * what the interrupted code resumes with. */
struct upcall_regs {
	uint32_t edi, esi, ebp, esp, ebx, edx, ecx, eax; /* pushal */
	uint32_t eip, cs, eflags;			 /* the upcall */
};

/* Registers a callback that saves every register, calls handler(r) and
 * returns with the iret hypercall: for tests that look at (or change)
 * the state an upcall interrupted. 0 or -errno. */
long raw_upcall_init(void (*handler)(struct upcall_regs *r));

/* mmuext_op(ops, count, pdone, DOMID_SELF) made with an upcall pending and
 * unmasked, so that the VMM's first exit from it - a preempted one, for a
 * long batch - enters the callback first. Returns %eax as the call left
 * it (testlib/raw_upcall.c). */
long mmuext_op_raced(struct mmuext_op *ops, uint32_t count, uint32_t *pdone);

/* ops[0 .. 2 * pairs - 1]: pin_cmd (MMUEXT_PIN_L1_TABLE or _L2_) and
 * MMUEXT_UNPIN_TABLE of our frame pfn, in turn (testlib/batches.c). */
void pin_unpin_ops(struct mmuext_op *ops, unsigned pairs, unsigned pin_cmd,
		   uint32_t pfn);

/* A new page whose 1024 entries map our page pfn read-only, itself
 * mapped read-only: ready to be an L1 (testlib/batches.c). */
uint32_t l1_full(uint32_t pfn);

#endif
