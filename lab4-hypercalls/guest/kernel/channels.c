/*
 * Channels to the peer domain (lab 4), for the user programs
 * (guest/syscall_events.h), and the news of a domain's death.
 *
 * At boot, with peer=N on the command line, the kernel connects NCHAN
 * event channels to domain N. The first of the two kernels to boot finds
 * nothing to bind to and offers ports 1..NCHAN (its first ports:
 * alloc_unbound); the second binds to them. Each channel counts the
 * events it has received; processes that wait for a count sleep on it
 * and the upcall wakes them. Domain 0 also binds VIRQ_DOM_EXC and says
 * when another domain ends. Without peer=, the kernel binds no port.
 */
#include <lib/cmdline.h>
#include <guest/console.h>
#include <guest/hypercall_events.h>
#include <guest/platform.h>
#include <guest/syscall_events.h>
#include <public/errno.h>
#include <events.h>
#include <kernel.h>

struct chan {
	uint32_t port;		    /* our end; 0: not connected */
	volatile uint32_t received; /* events so far */
	struct proc *waiters[NPROC];
};

static struct chan chans[NCHAN];
static int offered; /* we offered the ports: we booted first */

static long evtchn(int cmd, void *arg)
{
	return HYPERVISOR_event_channel_op(cmd, arg);
}

/* In the upcall: count it, wake whoever waits on the channel. */
static void chan_event(uint32_t port)
{
	for (int c = 0; c < NCHAN; c++) {
		if (chans[c].port != port)
			continue;
		chans[c].received++;
		for (int i = 0; i < NPROC; i++) {
			if (chans[c].waiters[i])
				proc_wake(chans[c].waiters[i]);
			chans[c].waiters[i] = 0;
		}
	}
}

/* Binds channel c to the peer's port c + 1, or offers our own port. */
static long chan_connect(int c, uint32_t peer)
{
	struct evtchn_bind_interdomain b = { (domid_t)peer, (uint32_t)c + 1,
					     0 };
	struct evtchn_alloc_unbound a = { DOMID_SELF, (domid_t)peer, 0 };
	long rc = evtchn(EVTCHNOP_bind_interdomain, &b);

	if (rc == 0) {
		chans[c].port = b.local_port;
	} else {
		rc = evtchn(EVTCHNOP_alloc_unbound, &a);
		if (rc)
			return rc;
		if (a.port != (uint32_t)c + 1)
			return -EBUSY; /* the peer would bind elsewhere */
		chans[c].port = a.port;
		offered = 1;
	}
	evtchn_set_handler(chans[c].port, chan_event);
	return 0;
}

static void dom_exc(uint32_t port)
{
	(void)port;
	printf("kernel: VIRQ_DOM_EXC: another domain has ended\n");
}

static void channels_boot(void)
{
	struct evtchn_bind_virq v = { VIRQ_DOM_EXC, 0, 0 };
	char arg[8];
	uint32_t peer;
	long rc;

	if (!cmdline_get(start_info->cmd_line, "peer", arg, sizeof(arg)))
		return; /* alone: no channels, no news of others */
	peer = (uint32_t)(arg[0] - '0');
	for (int c = 0; c < NCHAN; c++) {
		rc = chan_connect(c, peer);
		if (rc) {
			printf("kernel: no channel %d to domain %u (%ld)\n", c,
			       peer, rc);
			chans[c].port = 0;
		}
	}
	if (chans[0].port)
		printf("kernel: %d channels to domain %u (%s)\n", NCHAN, peer,
		       offered ? "offered" : "bound");
	/* Domain 0 only (the others get -EPERM): news of the peer's end. */
	if (evtchn(EVTCHNOP_bind_virq, &v) == 0)
		evtchn_set_handler(v.port, dom_exc);
}
BOOT_STEP(30, channels_boot);

static struct chan *chan_arg(uint32_t c)
{
	return c < NCHAN && chans[c].port ? &chans[c] : 0;
}

static long sys_chan_info(struct trapframe *tf)
{
	if (tf->ebx >= NCHAN)
		return -EINVAL;
	return chan_arg(tf->ebx) ? !offered : -ENOENT;
}
SYSCALL(SYS_chan_info, sys_chan_info);

static long sys_chan_send(struct trapframe *tf)
{
	struct chan *ch = chan_arg(tf->ebx);
	struct evtchn_send s;

	if (!ch)
		return -EINVAL;
	s.port = ch->port;
	return evtchn(EVTCHNOP_send, &s);
}
SYSCALL(SYS_chan_send, sys_chan_send);

/* Sleeps in a critical section: the upcall that counts the event cannot
 * slip in between our look at the count and our sleep. */
static long sys_chan_wait(struct trapframe *tf)
{
	struct chan *ch = chan_arg(tf->ebx);
	unsigned long saved;
	uint32_t got;

	if (!ch)
		return -EINVAL;
	saved = crit_enter();
	while (ch->received < tf->ecx) {
		ch->waiters[proc_index(cur)] = cur;
		proc_sleep();
	}
	got = ch->received;
	crit_exit(saved);
	return (long)got;
}
SYSCALL(SYS_chan_wait, sys_chan_wait);
