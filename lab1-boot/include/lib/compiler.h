/* Compiler attributes and small helpers shared by the VMM, guests and the
 * host unit tests. */
#ifndef LIB_COMPILER_H
#define LIB_COMPILER_H

#define __noreturn     __attribute__((noreturn))
#define __packed       __attribute__((packed))
#define __used	       __attribute__((used))
#define __aligned(n)   __attribute__((aligned(n)))
#define __section(s)   __attribute__((section(s)))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __weak	       __attribute__((weak))

#define ARRAY_SIZE(a)	 (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a)	 (((x) + (a)-1) & ~((a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((a)-1))
#define MIN(a, b)	 ((a) < (b) ? (a) : (b))
#define MAX(a, b)	 ((a) > (b) ? (a) : (b))

#endif
