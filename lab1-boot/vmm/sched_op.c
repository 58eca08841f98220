/* sched_op (hypercall 29): sched_op(cmd, arg). Each command registers as
 * a SUBOP; lab 1 has shutdown, lab 5 adds yield and block. */
#include <public/errno.h>
#include <public/sched.h>
#include <public/xen.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
#include <vmm/hypercall.h>
#include <vmm/sched.h>

static long do_sched_op(unsigned long cmd, unsigned long arg)
{
	return subop_dispatch(__HYPERVISOR_sched_op, cmd, arg);
}
HYPERCALL(__HYPERVISOR_sched_op, do_sched_op);

/* arg: guest address of a struct sched_shutdown. Does not return to the
 * guest on success: trap() sees the dead domain and schedules. */
static long sched_shutdown(unsigned long arg)
{
	struct sched_shutdown s;

	if (copy_from_guest(current->domain, &s, arg, sizeof(s)))
		return -EFAULT;
	if (s.reason > SHUTDOWN_crash)
		return -EINVAL;
	domain_shutdown(current->domain, s.reason);
	return 0;
}
SUBOP(__HYPERVISOR_sched_op, SCHEDOP_shutdown, sched_shutdown);
