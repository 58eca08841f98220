/*
 * Pages of ours at the edges of the address space, for the tests that
 * aim hypercall pointers at the hole's boundary and at the wrap past
 * 4 GiB (testlib/edges.c):
 *
 *   LOW_VA    our page             GAP_VA   not present, in a present L1
 *   EDGE_VA   our page, its end touches the hole at HYPERVISOR_VIRT_START
 *   page 0    an L1 for slot 0, so a test can map a page there
 */
#ifndef GUEST_EDGES_H
#define GUEST_EDGES_H

#include <stdint.h>
#include <public/xen.h>

#define HOLE	HYPERVISOR_VIRT_START
#define EDGE_VA (HOLE - 0x1000)
#define GAP_VA	(HOLE - 0x2000)
#define LOW_VA	(HOLE - 0x3000)

/* The pfns of the pages mapped at EDGE_VA and LOW_VA, and of a page
 * kept for address 0 (mapped there by the test when it wants). */
struct edges {
	uint32_t edge, low, zero;
};

/* Maps va to the entry val with update_va_mapping; ends the test in
 * ERROR if the VMM refuses. */
void map_page(uint32_t va, uint32_t val);

/* Makes the layout above; fills *e. */
void edges_map(struct edges *e);

#endif
