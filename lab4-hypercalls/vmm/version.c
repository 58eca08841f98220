/* xen_version (hypercall 17): public/version.h. */
#include <public/errno.h>
#include <public/version.h>
#include <public/xen.h>
#include <vmm/registry.h>

static long do_xen_version(unsigned long cmd)
{
	if (cmd != XENVER_version)
		return -ENOSYS;
	return KIT_XEN_MAJOR << 16 | KIT_XEN_MINOR;
}
HYPERCALL(__HYPERVISOR_xen_version, do_xen_version);
