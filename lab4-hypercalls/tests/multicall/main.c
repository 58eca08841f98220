/*
 * multicall (exercise 8): several hypercalls in one trap.
 *  - console_io, xen_version, an unknown hypercall, event_channel_op:
 *    each result in its entry, in order (the event channel op's effect
 *    seen afterwards);
 *  - a multicall inside a multicall, and iret: -EINVAL in their entries,
 *    the calls around them done;
 *  - count 0: nothing happens, 0;
 *  - fewer traps: the batch costs one VMM entry (our summary's entry
 *    count is checked by the grader).
 */
#include <guest/events.h>
#include <guest/test.h>

const char test_title[] = "multicall: many hypercalls in one trap";

static const char msg[] = "printed from inside a multicall\n";

void test_main(void)
{
	struct multicall_entry inner[1] = {
		{ __HYPERVISOR_xen_version, 77, { XENVER_version } }
	};
	struct evtchn_alloc_unbound au = { DOMID_SELF, DOMID_SELF, 0 };
	struct multicall_entry m[] = {
		{ __HYPERVISOR_console_io,
		  77,
		  { CONSOLEIO_write, sizeof(msg) - 1, (uint32_t)msg } },
		{ __HYPERVISOR_xen_version, 77, { XENVER_version } },
		{ 63, 77, { 0 } },
		{ __HYPERVISOR_multicall, 77, { (uint32_t)inner, 1 } },
		{ __HYPERVISOR_iret, 77, { 0 } },
		{ __HYPERVISOR_event_channel_op,
		  77,
		  { EVTCHNOP_alloc_unbound, (uint32_t)&au } },
		{ __HYPERVISOR_xen_version, 77, { 1 } },
	};

	check_eq(HYPERVISOR_multicall(m, 0), 0);
	check_eq(m[0].result, 77);
	check_eq(HYPERVISOR_multicall(m, sizeof(m) / sizeof(m[0])), 0);
	check_eq(m[0].result, 0);
	check_eq(m[1].result, 0x30000);
	check_eq(m[2].result, -ENOSYS);
	check_eq(m[3].result, -EINVAL);
	check_eq(inner[0].result, 77); /* the nested one never ran */
	check_eq(m[4].result, -EINVAL);
	check_eq(m[5].result, 0);
	check_eq(au.port, 1);
	check_eq(m[6].result, -ENOSYS);
	printf("seven calls, seven results\n");
	xtf_success("multicall as the ABI says");
}
