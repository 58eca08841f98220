/* Guest wrappers for lab 4's hypercalls (public/event_channel.h,
 * public/multicall.h, public/callback.h). */
#ifndef GUEST_HYPERCALL_EVENTS_H
#define GUEST_HYPERCALL_EVENTS_H

#include <guest/hypercall.h>
#include <public/callback.h>
#include <public/event_channel.h>
#include <public/multicall.h>
#include <public/version.h>

static inline long HYPERVISOR_event_channel_op(int cmd, void *arg)
{
	return _hypercall2(__HYPERVISOR_event_channel_op, (unsigned long)cmd,
			   (unsigned long)arg);
}

static inline long HYPERVISOR_set_callbacks(unsigned long event_cs,
					    unsigned long event_eip,
					    unsigned long failsafe_cs,
					    unsigned long failsafe_eip)
{
	return _hypercall4(__HYPERVISOR_set_callbacks, event_cs, event_eip,
			   failsafe_cs, failsafe_eip);
}

static inline long HYPERVISOR_multicall(struct multicall_entry *entries,
					unsigned long count)
{
	return _hypercall2(__HYPERVISOR_multicall, (unsigned long)entries,
			   count);
}

static inline long HYPERVISOR_xen_version(int cmd, void *arg)
{
	return _hypercall2(__HYPERVISOR_xen_version, (unsigned long)cmd,
			   (unsigned long)arg);
}

#endif
