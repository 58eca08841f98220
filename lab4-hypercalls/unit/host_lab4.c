/*
 * Host stand-ins for what lab 4's VMM code under test calls outside the
 * unit-tested files: the domain table, waking a vCPU (as vmm/block.c
 * does, and counted, for the tests to see), the hypercall table (a
 * scripted handler), and the preemption check (which the tests steer).
 * Also the shared set-up of lab 4's tests (unit_lab4.h): event-channel
 * state written by hand, and checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <public/errno.h>
#include <public/shared_info.h>
#include <vmm/domain.h>
#include <vmm/event.h>
#include <vmm/hypercall.h>
#include <vmm/preempt.h>
#include "unit_lab4.h"

struct domain domains[MAX_DOMAINS];
static struct shared_info shared_pages[MAX_DOMAINS];

int unit_wakes[MAX_DOMAINS];
int unit_wake_calls[MAX_DOMAINS];

void vcpu_wake(struct vcpu *v)
{
	unit_wake_calls[v->domain->id]++;
	if (!v->ext.blocked)
		return;
	v->ext.blocked = 0;
	unit_wakes[v->domain->id]++;
}

void unit_lab4_init(int ndomains)
{
	unsigned nargs;

	memset(domains, 0, sizeof(domains));
	memset(shared_pages, 0, sizeof(shared_pages));
	memset(unit_wakes, 0, sizeof(unit_wakes));
	memset(unit_wake_calls, 0, sizeof(unit_wake_calls));
	for (int i = 0; i < MAX_DOMAINS; i++) {
		domains[i].id = (domid_t)i;
		domains[i].state = i < ndomains ? DOM_RUNNING : DOM_FREE;
		domains[i].vcpu.domain = &domains[i];
		domains[i].ext.shared = &shared_pages[i];
	}
	unit_preempt_after = -1;
	unit_calls = 0;
	memset(unit_call_log, 0, sizeof(unit_call_log));
	unit_handler = NULL;
	(void)continuation_args(&nargs); /* none left over */
}

/* ---- the hypercall table and preemption, scripted by the tests ---- */

int unit_preempt_after = -1; /* preempt once this many checks said no */
int unit_calls;
struct unit_call unit_call_log[UNIT_CALLS_MAX];
long (*unit_handler)(uint32_t nr, const unsigned long a[5]);

int hypercall_preempt_check(void)
{
	if (unit_preempt_after < 0)
		return 0;
	if (unit_preempt_after == 0)
		return 1;
	unit_preempt_after--;
	return 0;
}

long hypercall_call(uint32_t nr, const unsigned long a[5])
{
	if (unit_calls < UNIT_CALLS_MAX) {
		unit_call_log[unit_calls].nr = nr;
		memcpy(unit_call_log[unit_calls].a, a,
		       sizeof(unsigned long) * 5);
	}
	unit_calls++;
	return unit_handler ? unit_handler(nr, a) : (long)nr;
}

/* ---- event-channel state written by hand ---- */

void unit_offer(int d, uint32_t p, int to)
{
	domains[d].ext.evtchn[p] =
		(struct evtchn){ ECS_UNBOUND, 0, (uint16_t)to, 0 };
}

void unit_connect(int d, uint32_t p, int r, uint32_t rp)
{
	domains[d].ext.evtchn[p] = (struct evtchn){ ECS_INTERDOMAIN, 0,
						    (uint16_t)r, (uint16_t)rp };
	domains[r].ext.evtchn[rp] =
		(struct evtchn){ ECS_INTERDOMAIN, 0, (uint16_t)d, (uint16_t)p };
}

void unit_virq(int d, uint32_t p, unsigned virq)
{
	domains[d].ext.evtchn[p] =
		(struct evtchn){ ECS_VIRQ, (uint8_t)virq, 0, 0 };
	domains[d].ext.virq_port[virq] = (uint16_t)p;
}

void unit_set_pending_bit(int d, uint32_t p)
{
	unit_shared(d)->evtchn_pending[p / 32] |= 1u << (p % 32);
}

void unit_set_mask_bit(int d, uint32_t p)
{
	unit_shared(d)->evtchn_mask[p / 32] |= 1u << (p % 32);
}

/* ---- and checked ---- */

static struct {
	struct evtchn evtchn[EVTCHN_PORTS];
	uint16_t virq_port[NR_VIRQS];
	struct shared_info shared;
} saved[MAX_DOMAINS];

static char msg[256];

void unit_events_save(void)
{
	for (int i = 0; i < MAX_DOMAINS; i++) {
		memcpy(saved[i].evtchn, domains[i].ext.evtchn,
		       sizeof(saved[i].evtchn));
		memcpy(saved[i].virq_port, domains[i].ext.virq_port,
		       sizeof(saved[i].virq_port));
		saved[i].shared = *domains[i].ext.shared;
	}
}

struct evtchn *unit_saved_port(int d, uint32_t p)
{
	return &saved[d].evtchn[p];
}

uint16_t *unit_saved_virq_port(int d, unsigned virq)
{
	return &saved[d].virq_port[virq];
}

struct shared_info *unit_saved_shared(int d)
{
	return &saved[d].shared;
}

static const char *const state_names[] = { "FREE", "UNBOUND", "INTERDOMAIN",
					   "VIRQ" };

static const char *state_name(unsigned s)
{
	return s < 4 ? state_names[s] : "(no such state)";
}

/* Port c described into buf. */
static const char *port_str(char *buf, size_t n, const struct evtchn *c)
{
	switch (c->state) {
	case ECS_UNBOUND:
		snprintf(buf, n, "UNBOUND offered to d%u", c->remote_dom);
		break;
	case ECS_INTERDOMAIN:
		snprintf(buf, n, "INTERDOMAIN with d%u port %u", c->remote_dom,
			 c->remote_port);
		break;
	case ECS_VIRQ:
		snprintf(buf, n, "VIRQ %u", c->virq);
		break;
	default:
		snprintf(buf, n, "%s", state_name(c->state));
	}
	return buf;
}

static int port_same(const struct evtchn *a, const struct evtchn *b)
{
	if (a->state != b->state)
		return 0;
	switch (a->state) {
	case ECS_UNBOUND:
		return a->remote_dom == b->remote_dom;
	case ECS_INTERDOMAIN:
		return a->remote_dom == b->remote_dom &&
		       a->remote_port == b->remote_port;
	case ECS_VIRQ:
		return a->virq == b->virq;
	default:
		return 1;
	}
}

/* The first difference of shared-info page s from the saved w. */
static const char *shared_diff(int d, const struct shared_info *s,
			       const struct shared_info *w)
{
	const struct vcpu_info *v = &s->vcpu_info[0], *wv = &w->vcpu_info[0];

	for (int i = 0; i < 32; i++) {
		if (s->evtchn_pending[i] != w->evtchn_pending[i]) {
			snprintf(msg, sizeof(msg),
				 "d%d evtchn_pending[%d] (ports %d..%d) is "
				 "0x%x, wanted 0x%x",
				 d, i, 32 * i, 32 * i + 31,
				 s->evtchn_pending[i], w->evtchn_pending[i]);
			return msg;
		}
		if (s->evtchn_mask[i] != w->evtchn_mask[i]) {
			snprintf(msg, sizeof(msg),
				 "d%d evtchn_mask[%d] is 0x%x, wanted 0x%x", d,
				 i, s->evtchn_mask[i], w->evtchn_mask[i]);
			return msg;
		}
	}
	if (v->evtchn_pending_sel != wv->evtchn_pending_sel) {
		snprintf(
			msg, sizeof(msg),
			"d%d vcpu_info[0].evtchn_pending_sel is 0x%x, wanted 0x%x",
			d, v->evtchn_pending_sel, wv->evtchn_pending_sel);
		return msg;
	}
	if (v->evtchn_upcall_pending != wv->evtchn_upcall_pending) {
		snprintf(
			msg, sizeof(msg),
			"d%d vcpu_info[0].evtchn_upcall_pending is %u, wanted %u",
			d, v->evtchn_upcall_pending, wv->evtchn_upcall_pending);
		return msg;
	}
	if (v->evtchn_upcall_mask != wv->evtchn_upcall_mask) {
		snprintf(msg, sizeof(msg),
			 "d%d vcpu_info[0].evtchn_upcall_mask is %u, wanted %u",
			 d, v->evtchn_upcall_mask, wv->evtchn_upcall_mask);
		return msg;
	}
	if (memcmp(s, w, sizeof(*s))) {
		snprintf(msg, sizeof(msg),
			 "d%d shared-info page changed (outside the event "
			 "fields of vcpu_info[0])",
			 d);
		return msg;
	}
	return NULL;
}

const char *unit_events_diff(void)
{
	char is[64], want[64];

	for (int i = 0; i < MAX_DOMAINS; i++) {
		const struct domain *d = &domains[i];
		const char *m;

		for (uint32_t p = 0; p < EVTCHN_PORTS; p++) {
			if (port_same(&d->ext.evtchn[p], &saved[i].evtchn[p]))
				continue;
			snprintf(msg, sizeof(msg),
				 "d%d port %u is %s, wanted %s", i, p,
				 port_str(is, sizeof(is), &d->ext.evtchn[p]),
				 port_str(want, sizeof(want),
					  &saved[i].evtchn[p]));
			return msg;
		}
		for (unsigned v = 0; v < NR_VIRQS; v++) {
			if (d->ext.virq_port[v] == saved[i].virq_port[v])
				continue;
			snprintf(msg, sizeof(msg),
				 "d%d virq_port[%u] is %u, wanted %u", i, v,
				 d->ext.virq_port[v], saved[i].virq_port[v]);
			return msg;
		}
		m = shared_diff(i, d->ext.shared, &saved[i].shared);
		if (m)
			return m;
	}
	return NULL;
}

const char *unit_events_broken(void)
{
	char is[64];

	for (int i = 0; i < MAX_DOMAINS; i++) {
		const struct domain *d = &domains[i];
		const uint32_t *pending = d->ext.shared->evtchn_pending;

		if (d->state != DOM_RUNNING)
			continue;
		if (d->ext.evtchn[0].state != ECS_FREE) {
			snprintf(msg, sizeof(msg), "d%d port 0 is %s", i,
				 port_str(is, sizeof(is), &d->ext.evtchn[0]));
			return msg;
		}
		for (uint32_t p = 0; p < EVTCHN_PORTS; p++) {
			const struct evtchn *c = &d->ext.evtchn[p], *r;

			switch (c->state) {
			case ECS_FREE:
				if ((pending[p / 32] >> (p % 32)) & 1) {
					snprintf(msg, sizeof(msg),
						 "d%d port %u is FREE and "
						 "pending",
						 i, p);
					return msg;
				}
				break;
			case ECS_UNBOUND:
				break;
			case ECS_INTERDOMAIN:
				r = c->remote_dom < MAX_DOMAINS &&
						    c->remote_port <
							    EVTCHN_PORTS ?
					    &domains[c->remote_dom]
						     .ext
						     .evtchn[c->remote_port] :
					    NULL;
				if (!r || r->state != ECS_INTERDOMAIN ||
				    r->remote_dom != i || r->remote_port != p) {
					char rs[64];

					snprintf(msg, sizeof(msg),
						 "d%d port %u is %s, but that "
						 "port is %s",
						 i, p,
						 port_str(is, sizeof(is), c),
						 r ? port_str(rs, sizeof(rs),
							      r) :
						     "out of range");
					return msg;
				}
				break;
			case ECS_VIRQ:
				if (c->virq >= NR_VIRQS ||
				    d->ext.virq_port[c->virq] != p) {
					snprintf(msg, sizeof(msg),
						 "d%d port %u is VIRQ %u, but "
						 "virq_port[%u] is %u",
						 i, p, c->virq, c->virq,
						 c->virq < NR_VIRQS ?
							 d->ext.virq_port
								 [c->virq] :
							 0);
					return msg;
				}
				break;
			default:
				snprintf(msg, sizeof(msg),
					 "d%d port %u has state %u", i, p,
					 c->state);
				return msg;
			}
		}
		for (unsigned v = 0; v < NR_VIRQS; v++) {
			uint16_t p = d->ext.virq_port[v];

			if (!p)
				continue;
			if (p >= EVTCHN_PORTS ||
			    d->ext.evtchn[p].state != ECS_VIRQ ||
			    d->ext.evtchn[p].virq != v) {
				snprintf(msg, sizeof(msg),
					 "d%d virq_port[%u] is %u, which is %s",
					 i, v, p,
					 p < EVTCHN_PORTS ?
						 port_str(is, sizeof(is),
							  &d->ext.evtchn[p]) :
						 "out of range");
				return msg;
			}
		}
	}
	return NULL;
}
