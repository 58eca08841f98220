/*
 * evtchn_attack (hostile): port numbers and domain ids an attacker makes
 * up. Three domains from this image, then tests/victim.elf (domain 3):
 *   role=peer (domain 0) binds VIRQ_DOM_EXC, makes a loopback channel,
 *     binds a VIRQ, offers two ports to domain 2, one to domain 3, one
 *     to itself, masks all but the VIRQ_DOM_EXC port (so pending bits stay
 *     for it to see), and blocks until domain 2 is gone;
 *   role=early (domain 1) offers a port to domain 2 and shuts down;
 *   role=attacker (domain 2):
 *    - a port 128 forged from our VIRQ bindings (which, were the table
 *      read past its end, would look like a port offered to us);
 *    - ports out of range (128 ... 0xFFFFFFFF), never allocated, closed,
 *      port 0: send, close, status, unmask, bind_interdomain to them give
 *      -EINVAL, and our shared-info words past port 127 stay as they are;
 *    - a VIRQ port: send -EINVAL; the same VIRQ again -EEXIST; a VIRQ
 *      >= NR_VIRQS -EINVAL, vCPU 1 -ENOENT, VIRQ_DOM_EXC -EPERM (we are
 *      not domain 0); closed, it can be bound again;
 *    - a pending port closed: its pending bit goes;
 *    - bind_interdomain to every port 0..127 of domain 0: only the two
 *      offered to us work, once (bound, they are not offered any more;
 *      nor is either end of a loopback channel); of domain 1 (dead by
 *      now) and of ids that
 *      never were (4..7, 8, 100, 0x7FEF, DOMID_XEN, 0xFFFF): -ESRCH;
 *      alloc_unbound for another domain's table, or offering to a dead
 *      or absent one: -EPERM, -ESRCH; status of domain 0's ports -EPERM;
 *    - a port we offered to domain 0, bound by ourselves: -EINVAL;
 *    - exhaustion: 127 ports minus those in use, then -ENOSPC for
 *      alloc_unbound, bind_virq and bind_interdomain; all closed, the
 *      same number again (none leaked);
 *    - sends on every port number of ours: only our own channel's.
 *   Then we send once on the first channel to domain 0 and close it, and
 *   die holding the second. Domain 0 then checks that its ports are as
 *   it left them, but for those two (unbound again, offered to domain 2,
 *   pending: the send, and our death), and that no other port of it is
 *   pending.
 * A vulnerable VMM lets a domain bind, send on, close or read another
 * domain's ports, indexes past its port table, or leaves a dead domain's
 * channel connected.
 */
#include <lib/string.h>
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "evtchn_attack: made-up ports and domains";

#define PEER	 0
#define EARLY	 1
#define ATTACKER 2
#define VICTIM	 3

static volatile uint32_t dom_exc_seen;
static int dom_exc_port;

static void handler(uint32_t port)
{
	if ((int)port == dom_exc_port)
		dom_exc_seen = 1;
}

static int status_of(uint32_t port, struct evtchn_status *st)
{
	memset(st, 0, sizeof(*st));
	return evtchn_status(port, st);
}

/* ---- role=peer ---- */

/* Whether domain dom is alive: we may offer it a port (closed again). */
static int alive(uint32_t dom)
{
	int p = evtchn_alloc_unbound(dom);

	if (p > 0)
		check_eq(evtchn_close((uint32_t)p), 0);
	else
		check_eq(p, -ESRCH);
	return p > 0;
}

static void peer(void)
{
	static struct evtchn_status before[EVTCHN_PORTS];
	struct evtchn_status st;
	int a, b, dbg, to_att1, to_att2, to_victim, to_self, bad = 0;

	check_eq(events_init(handler), 0);
	dom_exc_port = evtchn_bind_virq(VIRQ_DOM_EXC);
	a = evtchn_alloc_unbound(DOMID_SELF);
	b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)a);
	dbg = evtchn_bind_virq(VIRQ_DEBUG);
	to_att1 = evtchn_alloc_unbound(ATTACKER);
	to_att2 = evtchn_alloc_unbound(ATTACKER);
	to_victim = evtchn_alloc_unbound(VICTIM);
	to_self = evtchn_alloc_unbound(DOMID_SELF);
	check(dom_exc_port > 0 && a > 0 && b > 0 && dbg > 0 && to_att1 > 0 &&
	      to_att2 > 0 && to_victim > 0 && to_self > 0);
	for (uint32_t p = 1; p < EVTCHN_PORTS; p++)
		if ((int)p != dom_exc_port)
			evtchn_mask_port(p, 1);
	for (uint32_t p = 0; p < EVTCHN_PORTS; p++)
		check_eq(status_of(p, &before[p]), 0);
	printf("peer: ports %d-%d loopback, %d VIRQ_DEBUG, %d %d offered to "
	       "d2, %d to d3, %d to us; waiting\n",
	       a, b, dbg, to_att1, to_att2, to_victim, to_self);

	/* Each death raises VIRQ_DOM_EXC; wait until the attacker's. */
	while (alive(ATTACKER)) {
		dom_exc_seen = 0;
		if (events_wait(&dom_exc_seen)) {
			xtf_failure("woken 1000 times without VIRQ_DOM_EXC");
			return;
		}
	}

	for (uint32_t p = 0; p < EVTCHN_PORTS; p++) {
		check_eq(status_of(p, &st), 0);
		if ((int)p == to_att1 || (int)p == to_att2) {
			/* Bound by the attacker, then closed or dead. */
			check_eq(st.status, EVTCHNSTAT_unbound);
			check_eq(st.u.unbound.dom, ATTACKER);
			check(evtchn_is_pending(p));
			continue;
		}
		if (memcmp(&st, &before[p], sizeof(st))) {
			xtf_failure("peer: port %u changed: status %u dom %u "
				    "port %u",
				    p, st.status, st.u.interdomain.dom,
				    st.u.interdomain.port);
			bad++;
		}
		if ((int)p != dom_exc_port && evtchn_is_pending(p)) {
			xtf_failure("peer: port %u pending", p);
			bad++;
		}
	}
	if (!bad)
		printf("peer: our ports as we left them; the two channels "
		       "of the dead attacker unbound and pending\n");
	for (uint32_t p = 1; p < EVTCHN_PORTS; p++)
		if (!status_of(p, &st) && st.status != EVTCHNSTAT_closed)
			check_eq(evtchn_close(p), 0);
	xtf_success("the peer's ports untouched");
}

/* ---- role=early ---- */

static void early(void)
{
	int p = evtchn_alloc_unbound(ATTACKER);

	check_eq(p, 1);
	check_eq(evtchn_bind_virq(VIRQ_DOM_EXC), -EPERM);
	printf("early: port %d offered to d2; shutting down\n", p);
	xtf_success("offered a port and went");
}

/* ---- role=attacker ---- */

static const uint32_t out_of_range[] = {
	128,	     129,	 255,	     256,	 1023,	  1024,
	4096,	     0x7FFF,	 0x8000,     0xFFFF,	 0x10000, 0x7FFFFFFF,
	0x80000000u, 0xFFFFFF80, 0xFFFFFFFE, 0xFFFFFFFF,
};

/* A port past our table, forged from our own VIRQ bindings: were the
 * VMM to read "port" 128 of our table, it would find what lies after it
 * (the VIRQ-to-port map: VIRQ_TIMER's port 1, VIRQ_DEBUG's port 2): a
 * port 1 = UNBOUND offered to domain 2 = us. Binding to it must fail,
 * not write a channel into the VMM's data. Before any other port. */
static void forged_port(void)
{
	check_eq(evtchn_bind_virq(VIRQ_TIMER), 1);
	check_eq(evtchn_bind_virq(VIRQ_DEBUG), ATTACKER);
	for (uint32_t q = 128; q < 136; q++)
		check_eq(evtchn_bind_interdomain(DOMID_SELF, q), -EINVAL);
	check_eq(evtchn_close(1), 0);
	check_eq(evtchn_close(ATTACKER), 0);
	printf("a port forged past our table from our VIRQ bindings: "
	       "-EINVAL\n");
}

static void ranges(void)
{
	struct shared_info *si = shared_info();
	int p;

	/* The words past port 127 are no port's: unmask must not touch
	 * them (nor anything past the page). */
	for (unsigned w = EVTCHN_PORTS / 32; w < 32; w++) {
		si->evtchn_mask[w] = 0xFFFFFFFF;
		si->evtchn_pending[w] = 0xFFFFFFFF;
	}
	for (unsigned i = 0; i < sizeof(out_of_range) / 4; i++) {
		uint32_t q = out_of_range[i];

		check_eq(evtchn_send(q), -EINVAL);
		check_eq(evtchn_close(q), -EINVAL);
		check_eq(evtchn_unmask(q), -EINVAL);
		check_eq(evtchn_bind_interdomain(DOMID_SELF, q), -EINVAL);
		check_eq(evtchn_bind_interdomain(PEER, q), -EINVAL);
		{
			struct evtchn_status st;

			check_eq(status_of(q, &st), -EINVAL);
		}
	}
	for (unsigned w = EVTCHN_PORTS / 32; w < 32; w++) {
		check_eq(si->evtchn_mask[w], 0xFFFFFFFF);
		check_eq(si->evtchn_pending[w], 0xFFFFFFFF);
		si->evtchn_mask[w] = 0;
		si->evtchn_pending[w] = 0;
	}
	printf("ports 128 .. 0xFFFFFFFF: -EINVAL, nothing past our table "
	       "touched\n");

	/* Port 0 is never anyone's; our table is empty. */
	check_eq(evtchn_send(0), -EINVAL);
	check_eq(evtchn_close(0), -EINVAL);
	check_eq(evtchn_bind_interdomain(PEER, 0), -EINVAL);
	check_eq(evtchn_bind_interdomain(DOMID_SELF, 0), -EINVAL);
	for (uint32_t q = 1; q < EVTCHN_PORTS; q++) {
		check_eq(evtchn_send(q), -EINVAL);
		check_eq(evtchn_close(q), -EINVAL);
	}
	/* Closed: as if never allocated. */
	p = evtchn_alloc_unbound(DOMID_SELF);
	check(p > 0);
	check_eq(evtchn_close((uint32_t)p), 0);
	check_eq(evtchn_close((uint32_t)p), -EINVAL);
	check_eq(evtchn_send((uint32_t)p), -EINVAL);
	check_eq(evtchn_bind_interdomain(DOMID_SELF, (uint32_t)p), -EINVAL);
	printf("port 0, ports never allocated, closed: -EINVAL\n");
}

static void virqs(void)
{
	struct evtchn_status st;
	int p, q, a, b;

	p = evtchn_bind_virq(VIRQ_DEBUG);
	check(p > 0);
	check_eq(evtchn_bind_virq(VIRQ_DEBUG), -EEXIST);
	check_eq(evtchn_send((uint32_t)p), -EINVAL);
	check_eq(evtchn_bind_interdomain(DOMID_SELF, (uint32_t)p), -EINVAL);
	check_eq(evtchn_bind_virq(NR_VIRQS), -EINVAL);
	check_eq(evtchn_bind_virq(255), -EINVAL);
	check_eq(evtchn_bind_virq(0x10000 | VIRQ_DEBUG), -EINVAL);
	check_eq(evtchn_bind_virq(0xFFFFFFFF), -EINVAL);
	check_eq(evtchn_bind_virq(VIRQ_DOM_EXC), -EPERM);
	{
		struct evtchn_bind_virq v = { VIRQ_CONSOLE, 1, 0 };

		check_eq(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &v),
			 -ENOENT);
		v.vcpu = 0xFFFFFFFF;
		check_eq(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &v),
			 -ENOENT);
	}
	check_eq(evtchn_close((uint32_t)p), 0);
	q = evtchn_bind_virq(VIRQ_DEBUG);
	check(q > 0);
	check_eq(status_of((uint32_t)q, &st), 0);
	check_eq(st.status, EVTCHNSTAT_virq);
	check_eq(st.u.virq, VIRQ_DEBUG);
	check_eq(evtchn_close((uint32_t)q), 0);
	printf("VIRQs: twice -EEXIST, out of range -EINVAL, vCPU 1 -ENOENT, "
	       "DOM_EXC -EPERM, rebound after close\n");

	/* A pending port, closed: no pending bit left on a free port. */
	a = evtchn_alloc_unbound(DOMID_SELF);
	b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)a);
	check_eq(evtchn_bind_interdomain(DOMID_SELF, (uint32_t)a), -EINVAL);
	check_eq(evtchn_bind_interdomain(DOMID_SELF, (uint32_t)b), -EINVAL);
	evtchn_mask_port((uint32_t)b, 1);
	check_eq(evtchn_send((uint32_t)a), 0);
	check(evtchn_is_pending((uint32_t)b));
	check_eq(evtchn_close((uint32_t)b), 0);
	check(!evtchn_is_pending((uint32_t)b));
	check_eq(status_of((uint32_t)a, &st), 0);
	check_eq(st.status, EVTCHNSTAT_unbound);
	check_eq(evtchn_close((uint32_t)a), 0);
	evtchn_mask_port((uint32_t)b, 0);
	printf("a pending port closed: its bit cleared\n");
}

static int mine[2]; /* our ends of the channels domain 0 offered us */

static void other_domains(void)
{
	static const uint32_t absent[] = { 4,	   5,	   6,	   7,
					   8,	   100,	   0x7FEF, DOMID_XEN,
					   0x7FF4, 0x7FFF, 0xFFFF };
	struct evtchn_alloc_unbound au;
	struct evtchn_status st;
	int n = 0, p;

	for (uint32_t q = 0; q < EVTCHN_PORTS; q++) {
		p = evtchn_bind_interdomain(PEER, q);
		if (p == -EINVAL)
			continue;
		if (p < 0 || n == 2) {
			xtf_failure("bind to d0's port %u: %d", q, p);
			continue;
		}
		mine[n++] = p;
	}
	check_eq(n, 2);
	/* Connected now: not to be bound again (nor taken over). */
	for (int i = 0; i < 2; i++) {
		check_eq(status_of((uint32_t)mine[i], &st), 0);
		check_eq(evtchn_bind_interdomain(PEER, st.u.interdomain.port),
			 -EINVAL);
	}
	check_eq(evtchn_bind_interdomain(EARLY, 1), -ESRCH);
	for (uint32_t q = 0; q < EVTCHN_PORTS; q++)
		check_eq(evtchn_bind_interdomain(VICTIM, q), -EINVAL);
	for (unsigned i = 0; i < sizeof(absent) / 4; i++) {
		check_eq(evtchn_bind_interdomain(absent[i], 1), -ESRCH);
		check_eq(evtchn_alloc_unbound(absent[i]), -ESRCH);
	}
	check_eq(evtchn_alloc_unbound(EARLY), -ESRCH);
	printf("domain 0's ports: only the two offered to us bound; dead and "
	       "absent domains -ESRCH\n");

	au = (struct evtchn_alloc_unbound){ PEER, ATTACKER, 0 };
	check_eq(HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &au),
		 -EPERM);
	au = (struct evtchn_alloc_unbound){ VICTIM, DOMID_SELF, 0 };
	check_eq(HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &au),
		 -EPERM);
	check_eq(au.port, 0);
	for (uint32_t q = 0; q < EVTCHN_PORTS; q++) {
		memset(&st, 0, sizeof(st));
		st.dom = PEER;
		st.port = q;
		check_eq(HYPERVISOR_event_channel_op(EVTCHNOP_status, &st),
			 -EPERM);
		check_eq(st.status, 0);
	}
	printf("alloc_unbound in another table, status of another's port: "
	       "-EPERM\n");

	/* Offered to domain 0, not to us. */
	p = evtchn_alloc_unbound(PEER);
	check(p > 0);
	check_eq(evtchn_bind_interdomain(DOMID_SELF, (uint32_t)p), -EINVAL);
	check_eq(evtchn_bind_interdomain(ATTACKER, (uint32_t)p), -EINVAL);
	check_eq(evtchn_close((uint32_t)p), 0);
	printf("our port offered to d0: not ours to bind\n");
}

/* Allocates ports until refused; returns how many, all closed again. */
static int fill_and_free(int *self_offer)
{
	static int ports[EVTCHN_PORTS];
	int n = 0, p;

	while ((p = evtchn_alloc_unbound(DOMID_SELF)) > 0) {
		if (p >= EVTCHN_PORTS || n == EVTCHN_PORTS) {
			xtf_failure("port %d allocated", p);
			break;
		}
		ports[n++] = p;
	}
	check_eq(p, -ENOSPC);
	check_eq(evtchn_bind_virq(VIRQ_CONSOLE), -ENOSPC);
	if (self_offer)
		check_eq(evtchn_bind_interdomain(DOMID_SELF,
						 (uint32_t)*self_offer),
			 -ENOSPC);
	for (int i = 0; i < n; i++)
		check_eq(evtchn_close((uint32_t)ports[i]), 0);
	return n;
}

static void exhaustion(void)
{
	int offer = evtchn_alloc_unbound(DOMID_SELF), n1, n2;
	struct evtchn_status st;

	check(offer > 0);
	n1 = fill_and_free(&offer);
	n2 = fill_and_free(&offer);
	/* In use: mine[0], mine[1], offer. */
	check_eq(n1, EVTCHN_PORTS - 1 - 3);
	check_eq(n1, n2);
	check_eq(status_of((uint32_t)offer, &st), 0);
	check_eq(st.status, EVTCHNSTAT_unbound);
	check_eq(evtchn_close((uint32_t)offer), 0);
	printf("%d ports, then -ENOSPC; closed, %d again: none leaked\n", n1,
	       n2);
}

/* A send on every port number but mine[1]: only mine[0] works. */
static void sends(void)
{
	int ok = 0;

	for (uint32_t q = 0; q < EVTCHN_PORTS; q++) {
		int rc;

		if ((int)q == mine[1])
			continue;
		rc = evtchn_send(q);
		if ((int)q == mine[0])
			ok += rc == 0;
		else if (rc != -EINVAL)
			xtf_failure("send on port %u: %d", q, rc);
	}
	check_eq(ok, 1);
	printf("sends on every port number: only on our channel\n");
}

static void attacker(void)
{
	events_mask();
	forged_port();
	ranges();
	virqs();
	other_domains();
	exhaustion();
	/* Domain 0's loopback and VIRQ ports have numbers we try here: our
	 * own ports of those numbers are free, so nothing may reach it. One
	 * send on mine[0]: domain 0's first channel pending; then closed.
	 * We die holding mine[1]: that must make the second pending. */
	sends();
	check_eq(evtchn_close((uint32_t)mine[0]), 0);
	check_eq(evtchn_send((uint32_t)mine[0]), -EINVAL);
	xtf_success("every made-up port and domain refused");
}

void test_main(void)
{
	char role[16] = "";

	test_arg("role", role, sizeof(role));
	if (!strcmp(role, "peer"))
		peer();
	else if (!strcmp(role, "early"))
		early();
	else if (!strcmp(role, "attacker"))
		attacker();
	else
		xtf_error("role=peer|early|attacker");
}
