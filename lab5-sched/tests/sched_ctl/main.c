/*
 * sched_ctl (hostile; the scheduler's exercises for the effects): dom0_op
 * and vcpu_op checked before they act. Two domains from this image:
 *  - role=user (domain 1, unprivileged): every dom0_op command, and a bad
 *    pointer, give -EPERM; vcpu_op on vCPU 1 gives -ENOENT, a period
 *    under 1 ms or over a minute -EINVAL, an unreadable argument -EFAULT;
 *    then it spins
 *    until 60 ms, counting;
 *  - role=ctl (domain 0): a wrong interface version gives -EACCES, an
 *    unknown command -ENOSYS, an unreadable op -EFAULT; BVTCTL and
 *    ADJUSTDOM out of range -EINVAL and absent domains -ESRCH, each
 *    leaving the parameters as they were (read back); a valid ADJUSTDOM
 *    reads back; pausing itself -EINVAL; pausing domain 1 stops its CPU
 *    time while domain 0 spins 5 ms, and unpausing lets it run again;
 *  - role=orphan (domain 0): pauses domain 1 and ends; the VMM must end
 *    domain 1 too ("paused, and no domain can unpause it"), not wait for
 *    ever.
 */
#include <guest/events.h>
#include <guest/test.h>
#include <guest/time.h>
#include <lib/string.h>

const char test_title[] = "sched_ctl: dom0_op and vcpu_op refuse bad calls";

#define MS 1000000ull

static long op1(uint32_t cmd, uint32_t a, uint32_t b, uint32_t c, uint32_t d,
		uint32_t e)
{
	struct dom0_op op;

	memset(&op, 0, sizeof(op));
	op.cmd = cmd;
	op.u.adjustdom.domain = a;
	op.u.adjustdom.mcu_adv = b;
	op.u.adjustdom.warp = c;
	op.u.adjustdom.warpl = d;
	op.u.adjustdom.warpu = e;
	return dom0_op(&op);
}

static struct dom0_getdomaininfo info(uint32_t dom)
{
	struct dom0_op op;

	memset(&op, 0, sizeof(op));
	op.cmd = DOM0_GETDOMAININFO;
	op.u.getdomaininfo.domain = dom;
	check_eq(dom0_op(&op), 0);
	return op.u.getdomaininfo;
}

static void user(void)
{
	struct vcpu_set_periodic_timer p = { 500000 };
	static const uint32_t cmds[] = { DOM0_BVTCTL,	     DOM0_ADJUSTDOM,
					 DOM0_STARTDOMAIN,   DOM0_STOPDOMAIN,
					 DOM0_GETDOMAININFO, 99 };

	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		check_eq(op1(cmds[i], 0, 10, 0, 0, 0), -EPERM);
	check_eq(_hypercall1(__HYPERVISOR_dom0_op, 0xF0001000), -EPERM);
	check_eq(HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 1, &p), -ENOENT);
	check_eq(HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 0, &p), -EINVAL);
	check_eq(HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 0,
				    (void *)0xF0001000),
		 -EFAULT);
	p.period_ns = ~0ull; /* would wrap the clock */
	check_eq(HYPERVISOR_vcpu_op(VCPUOP_set_periodic_timer, 0, &p), -EINVAL);
	check_eq(HYPERVISOR_vcpu_op(99, 0, &p), -ENOSYS);
	printf("unprivileged: every dom0_op refused\n");
	spin_until(60 * MS);
	xtf_success("refused, then ran to the end");
}

static void ctl(void)
{
	struct dom0_op op;
	struct dom0_getdomaininfo before, after;
	uint64_t c0, c1, c2;

	memset(&op, 0, sizeof(op));
	op.cmd = DOM0_GETDOMAININFO;
	op.u.getdomaininfo.domain = 1;
	check_eq(_hypercall1(__HYPERVISOR_dom0_op, (unsigned long)&op),
		 -EACCES); /* interface_version 0 */
	check_eq(op1(99, 1, 10, 0, 0, 0), -ENOSYS);
	check_eq(_hypercall1(__HYPERVISOR_dom0_op, 0xF0001000), -EFAULT);

	before = info(1);
	memset(&op, 0, sizeof(op));
	op.cmd = DOM0_BVTCTL;
	op.u.bvtctl.ctx_allow = 99999;
	check_eq(dom0_op(&op), -EINVAL);
	op.u.bvtctl.ctx_allow = 100000001;
	check_eq(dom0_op(&op), -EINVAL);
	check_eq(op1(DOM0_ADJUSTDOM, 1, 0, 0, 0, 0), -EINVAL);
	check_eq(op1(DOM0_ADJUSTDOM, 1, 1001, 0, 0, 0), -EINVAL);
	check_eq(op1(DOM0_ADJUSTDOM, 1, 10, 1000000001, 0, 0), -EINVAL);
	check_eq(op1(DOM0_ADJUSTDOM, 1, 10, 0, 1000001, 0), -EINVAL);
	check_eq(op1(DOM0_ADJUSTDOM, 1, 10, 0, 0, 1000001), -EINVAL);
	check_eq(op1(DOM0_ADJUSTDOM, 7, 10, 0, 0, 0), -ESRCH);
	check_eq(op1(DOM0_ADJUSTDOM, 0xFFFF, 10, 0, 0, 0), -ESRCH);
	check_eq(op1(DOM0_STOPDOMAIN, 5, 0, 0, 0, 0), -ESRCH);
	after = info(1);
	check_eq(after.mcu_adv, before.mcu_adv);
	check_eq(after.warp, before.warp);
	check_eq(after.warpl, before.warpl);
	check_eq(after.warpu, before.warpu);
	printf("out of range: refused, nothing changed\n");

	check_eq(op1(DOM0_ADJUSTDOM, 1, 20, 7, 300, 400), 0);
	after = info(1);
	check_eq(after.mcu_adv, 20);
	check_eq(after.warp, 7);
	check_eq(after.warpl, 300);
	check_eq(after.warpu, 400);
	check_eq(op1(DOM0_ADJUSTDOM, 1, 10, 0, 0, 0), 0);

	check_eq(op1(DOM0_STOPDOMAIN, 0, 0, 0, 0, 0), -EINVAL);
	check_eq(op1(DOM0_STOPDOMAIN, 1, 0, 0, 0, 0), 0);
	check_eq(info(1).state, DOMSTATE_PAUSED);
	c0 = info(1).cpu_time;
	spin_until(now_ns() + 5 * MS);
	c1 = info(1).cpu_time;
	check_eq(c1 - c0, 0);
	check_eq(op1(DOM0_STARTDOMAIN, 1, 0, 0, 0, 0), 0);
	check_eq(info(1).state, DOMSTATE_RUNNABLE);
	spin_until(now_ns() + 20 * MS);
	c2 = info(1).cpu_time;
	check(c2 > c1);
	printf("paused: d1 ran 0 us in 5 ms; unpaused: %u us in 20 ms\n",
	       ns_to_us(c2 - c1));
	xtf_success("control refused bad calls and did what it said");
}

/* Pauses domain 1 and ends: nobody is left to unpause it. */
static void orphan(void)
{
	check_eq(op1(DOM0_STOPDOMAIN, 1, 0, 0, 0, 0), 0);
	xtf_success("paused domain 1 and left");
}

void test_main(void)
{
	char role[8] = "";

	test_arg("role", role, sizeof(role));
	if (!strcmp(role, "ctl"))
		ctl();
	else if (!strcmp(role, "orphan"))
		orphan();
	else
		user();
}
