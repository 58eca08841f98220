/*
 * Error codes returned (negated) by hypercalls. Xen uses Linux's values, and
 * so does the kit, so these agree with a Linux host's <errno.h>.
 */
#ifndef PUBLIC_ERRNO_H
#define PUBLIC_ERRNO_H

#define EPERM  1 /* operation not permitted */
#define ENOENT 2 /* no such entry */
#define ESRCH  3 /* no such domain */
#define EINTR  4
#define EIO    5
#define E2BIG  7  /* argument list too long */
#define EAGAIN 11 /* try again */
#define ENOMEM 12 /* out of memory */
#define EACCES 13 /* permission denied */
#define EFAULT 14 /* bad guest address */
#define EBUSY  16 /* resource busy */
#define EEXIST 17
#define EINVAL 22 /* invalid argument */
#define ENOSPC 28
#define ENOSYS 38 /* no such hypercall */

#endif
