/*
 * The VMM's memory map. Machine memory is what the hardware (QEMU) has;
 * the VMM reaches all of it through the direct map. Guests see only the
 * trampoline pages of the hole (read-only, plus one entry-stack page).
 *
 *  virtual                                   VMM space        guest space
 *  0xFFFFFFFF +------------------------------+
 *             | direct map of machine memory |  RW, 4 MiB      only the
 *             | 0..128 MiB; the VMM image is |  pages          trampoline
 *             | at DIRECTMAP_BASE + 1 MiB    |                 pages (RO)
 *  0xF8000000 +------------------------------+ DIRECTMAP_BASE
 *             | unused                       |
 *  0xF0800000 +------------------------------+
 *             | per-domain slot: GDT area,   |  VMM GDT page   GDT pages
 *             | 16 pages                     |                 (RO)
 *  0xF0400000 +------------------------------+ PERDOMAIN_VIRT = GDT_VIRT
 *             | machine-to-physical table    |  (lab 3)        (lab 3, RO)
 *  0xF0000000 +------------------------------+ HOLE_START
 *             | guest kernel at 0xC0000000,  |  not mapped     the guest's
 *             | guest user space below       |                 own pages
 *  0x00000000 +------------------------------+
 *
 * Machine memory: the VMM image is loaded at 1 MiB (VMM_LOAD_PHYS); the
 * boot modules follow it; everything else usable becomes free frames.
 */
#ifndef VMM_MEMLAYOUT_H
#define VMM_MEMLAYOUT_H

#include <arch/mmu.h>

#define HOLE_START     0xF0000000     /* = HYPERVISOR_VIRT_START */
#define M2P_VIRT       0xF0000000     /* lab 3 */
#define PERDOMAIN_VIRT 0xF0400000     /* one L1 per domain */
#define GDT_VIRT       PERDOMAIN_VIRT /* GDTR base, both spaces */
#define GDT_PAGES      16
#define GUEST_SEG_END  0xF0400000 /* guest segments end here (M2P end) */
#define DIRECTMAP_BASE 0xF8000000
#define DIRECTMAP_SIZE 0x08000000 /* 128 MiB of machine memory */
#define VMM_LOAD_PHYS  0x00100000

#define GUEST_VIRT_BASE 0xC0000000		  /* where guest kernels link */
#define HOLE_FIRST_SLOT (HOLE_START >> PDE_SHIFT) /* 960 */

#ifndef __ASSEMBLER__
#include <stdint.h>

#ifdef HOST_UNIT_TEST
/* Unit tests run the same code against a simulated machine memory. */
extern unsigned char *unit_machine;
#define P2V(pa) ((void *)(unit_machine + (uintptr_t)(pa)))
#else
/* Machine address -> its direct-map address (pa < DIRECTMAP_SIZE). */
#define P2V(pa) ((void *)((uintptr_t)(pa) + DIRECTMAP_BASE))
/* Direct-map (or VMM image) address -> machine address. */
#define V2P(va) ((uint32_t)(uintptr_t)(va)-DIRECTMAP_BASE)
#endif
#endif

#endif
