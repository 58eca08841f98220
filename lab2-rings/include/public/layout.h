/*
 * Where the kit's domain builder puts things in a new guest's address
 * space, beyond what start_info says (a kit convention, not Xen's):
 *
 *   0xC0000000 + pfn * 4K    every page of the domain, supervisor-only
 *   KIT_SHARED_INFO_VA       the shared-info page, just past the memory
 *   KIT_USER_BASE            the user window (labs 2 and 3): the top
 *                            KIT_USER_PAGES pages of the domain's memory
 *                            mapped a second time, with the user bit, for
 *                            the guest kernel's ring-3 programs
 *                            (only if it starts above the boot
 *                            stack: pt_base pfn + nr_pt_frames;
 *                            smaller domains have no window)
 */
#ifndef PUBLIC_LAYOUT_H
#define PUBLIC_LAYOUT_H

#define KIT_KERNEL_BASE		     0xC0000000u
#define KIT_SHARED_INFO_VA(nr_pages) (KIT_KERNEL_BASE + (nr_pages)*4096u)
#define KIT_USER_BASE		     0x08000000u
#define KIT_USER_PAGES(nr_pages) \
	((nr_pages) / 4 < 1024u ? (nr_pages) / 4 : 1024u)
#define KIT_USER_FIRST_PFN(nr_pages) ((nr_pages)-KIT_USER_PAGES(nr_pages))

#endif
