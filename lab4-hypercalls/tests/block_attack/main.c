/*
 * block_attack (hostile): domains that block where nothing can wake
 * them, each in its own way (how=...):
 *   plain      events unmasked, no callback, nothing pending;
 *   masked     events masked (block unmasks them), nothing pending;
 *   port       a loopback event pending, but on a masked port (so no
 *              upcall_pending), a callback registered;
 *   selector   as port, and we set the selector bit ourselves: only
 *              upcall_pending counts;
 *   handunmask as port, and we clear the port's mask bit ourselves, not
 *              with EVTCHNOP_unmask: pending and unmasked, but no
 *              upcall_pending (a VMM that scans the bitmaps instead of
 *              reading upcall_pending returns at once, and the guest
 *              spins instead of sleeping);
 *   multicall  block inside a multicall, between two other entries;
 *   pair       how=pair role=a|b peer=N: two domains with a channel
 *              between them, both blocked: each could wake the other,
 *              neither will (when the VMM ends one, the other's end
 *              becomes pending; whether the VMM then lets it run or ends
 *              it too is its choice: the grader asks nothing of it).
 * A domain booted after them (tests/victim.elf) must run to its end
 * while they are blocked; then the VMM, with every domain blocked, says
 * so and ends them (a failure each: exit 35), never panics, never hangs,
 * never lets block return with nothing pending. None of these guests
 * prints a result line: the grader expects the VMM's lines instead.
 */
#include <lib/string.h>
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "block_attack: blocked with nothing to wake us";

static void handler(uint32_t port)
{
	printf("an upcall with nothing pending: port %u\n", port);
}

static void block(void)
{
	console_flush();
	HYPERVISOR_sched_op(SCHEDOP_block, 0);
	printf("block returned with nothing pending\n");
	test_end();
}

static int loopback_pending(void)
{
	int a, b;

	evtchn_loopback(&a, &b);
	evtchn_mask_port((uint32_t)b, 1);
	check_eq(evtchn_send((uint32_t)a), 0);
	check(evtchn_is_pending((uint32_t)b));
	check_eq(vcpu0()->evtchn_upcall_pending, 0);
	return b;
}

void test_main(void)
{
	char how[12] = "", role[4] = "";
	int p;

	test_arg("how", how, sizeof(how));
	test_arg("role", role, sizeof(role));
	printf("blocking: %s%s%s\n", how, role[0] ? " " : "", role);
	if (!strcmp(how, "plain")) {
		events_unmask();
		block();
	} else if (!strcmp(how, "masked")) {
		events_mask();
		block();
	} else if (!strcmp(how, "port") || !strcmp(how, "selector") ||
		   !strcmp(how, "handunmask")) {
		check_eq(events_init(handler), 0);
		events_mask();
		p = loopback_pending();
		if (how[0] == 's')
			vcpu0()->evtchn_pending_sel = 1u << (p / 32);
		if (how[0] == 'h')
			evtchn_mask_port((uint32_t)p, 0);
		block();
	} else if (!strcmp(how, "multicall")) {
		struct multicall_entry m[] = {
			{ __HYPERVISOR_xen_version, 77, { XENVER_version } },
			{ __HYPERVISOR_sched_op, 77, { SCHEDOP_block, 0 } },
			{ __HYPERVISOR_xen_version, 77, { XENVER_version } },
		};

		events_mask();
		console_flush();
		HYPERVISOR_multicall(m, 3);
		printf("block returned with nothing pending (multicall: %d "
		       "%d %d)\n",
		       m[0].result, m[1].result, m[2].result);
		test_end();
	} else if (!strcmp(how, "pair")) {
		uint32_t peer = test_arg_hex("peer", 0);
		struct evtchn_status st;

		if (role[0] == 'a')
			p = evtchn_alloc_unbound(peer);
		else
			p = evtchn_bind_interdomain(peer, 1);
		check(p > 0);
		events_mask();
		console_flush();
		HYPERVISOR_sched_op(SCHEDOP_block, 0);
		/* Only our peer's death can wake us (if the VMM ends it
		 * first and lets us run): our end is then unbound. */
		memset(&st, 0, sizeof(st));
		check_eq(evtchn_status((uint32_t)p, &st), 0);
		if (st.status != EVTCHNSTAT_unbound || !evtchn_is_pending(p))
			xtf_failure("block returned with nothing pending");
		else
			xtf_success("woken by the death of our peer");
		test_end();
	}
	xtf_error("how=plain|masked|port|selector|multicall|pair");
}
