/* Address and frame-number types. All machine memory fits in 32 bits. */
#ifndef VMM_TYPES_H
#define VMM_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t paddr_t; /* machine address */
typedef uint32_t mfn_t;	  /* machine frame number: paddr >> 12 */
typedef uint32_t pfn_t;	  /* a domain's pseudo-physical frame number */
typedef uint32_t vaddr_t; /* a virtual address in a guest */

#define INVALID_MFN ((mfn_t)~0U)

#endif
