/*
 * xen_version (hypercall 17): xen_version(cmd, arg). The kit has one
 * command. Any hypercall returns through the VMM's event check, so guests
 * also use this cheap one to have a pending event delivered after they
 * unmask (Linux's force_evtchn_callback).
 */
#ifndef PUBLIC_VERSION_H
#define PUBLIC_VERSION_H

#define XENVER_version 0 /* arg unused; returns major << 16 | minor */

#define KIT_XEN_MAJOR 3
#define KIT_XEN_MINOR 0

#endif
