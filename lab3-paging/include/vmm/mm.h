/*
 * Validated page tables (lab 3): page types, reference counts, and the
 * rules every page-table entry of a guest must follow.
 *
 * Every frame has a reference count and a type count (frame.h):
 *   count       one for the allocation, plus one per reference: each
 *               present L1 entry that maps the frame, each present L2
 *               entry that points to it (an L1), each pin, each vCPU using
 *               it as its base (an L2).
 *   type        what the frame is used as: FT_WRITABLE (mapped writable
 *               somewhere), FT_L1, FT_L2; with type_count references of
 *               that kind. A frame changes type only when its type count
 *               is 0.
 *
 *   FT_NONE --get_page_type(L1)--> validate all entries --> FT_L1, count 1
 *      ^                                                       |
 *      +-- last put_page_type: release what the entries held --+
 *
 * So a frame is never at the same time a page table and mapped writable:
 * the guest can change its page tables only through the VMM.
 */
#ifndef VMM_MM_H
#define VMM_MM_H

#include <arch/mmu.h>
#include <vmm/frame.h>
#include <vmm/types.h>

struct domain;

/* Takes a general reference on frame mfn for domain d: the frame must
 * exist and be d's (or d's shared-info frame). 0 or -EPERM. */
int get_page(mfn_t mfn, const struct domain *d);
void put_page(mfn_t mfn);

/*
 * LAB 3 EXERCISE 1. Takes a type reference of `type` (FT_WRITABLE, FT_L1,
 * FT_L2, or another type that needs no validation, such as FT_GDT) on
 * mfn for d. If its type count is not 0, the type must be
 * `type` already (else -EBUSY). If it is 0, the frame takes the new type
 * with this one reference at once, and then, for a page-table type,
 * validate_table() checks (and takes the references of) all its entries
 * (so an entry pointing back to the table itself meets a type conflict);
 * the frame is then marked FF_VALIDATED. If validation refuses, the frame
 * is left as it was (FT_NONE, type count 0) and its error returned.
 */
int get_page_type(mfn_t mfn, int type, struct domain *d);

/*
 * LAB 3 EXERCISE 2. Drops a type reference. The last one of a page table
 * releases the references its entries held (devalidate_table) and clears
 * FF_VALIDATED; the last one of any type makes the frame FT_NONE again.
 */
void put_page_type(mfn_t mfn, struct domain *d);

/* Both references at once, the usual pair. */
int get_page_and_type(mfn_t mfn, int type, struct domain *d);
void put_page_and_type(mfn_t mfn, struct domain *d);

/* Bits an L1 entry may not have: PAT (0x80) and global (0x100). */
#define L1_DISALLOWED (PTE_PAT | PTE_G)
/* Bits an L2 entry may not have: a 4 MiB superpage (XSA-148), global. */
#define L2_DISALLOWED (PTE_PS | PTE_G)

/*
 * LAB 3 EXERCISE 3. Takes the references a new L1 entry e of domain d
 * needs: none if not present; else the bits must be allowed (-EINVAL),
 * the frame must be d's (get_page; -EPERM), and a writable entry needs a
 * FT_WRITABLE type reference (-EBUSY if the frame is a page table).
 */
int get_page_from_l1e(pte_t e, struct domain *d);
void put_page_from_l1e(pte_t e, struct domain *d);

/*
 * LAB 3 EXERCISE 4. The same for an L2 entry: if present, no disallowed
 * bits (-EINVAL), and the frame must be one of d's that is, or can
 * become, an L1 table (get_page_and_type FT_L1). An L2 pointing to
 * itself or to another L2 is therefore refused (-EBUSY): the kit allows
 * no "linear" page tables.
 */
int get_page_from_l2e(pde_t e, struct domain *d);
void put_page_from_l2e(pde_t e, struct domain *d);

/* Validates (takes the references of) every entry of page table mfn of
 * `type`, undoing all on the first refused one; devalidate releases them.
 * For an L2, the hole slots are not the guest's: validation writes the
 * VMM's own there (hole_fill). */
int validate_table(mfn_t mfn, int type, struct domain *d);
void devalidate_table(mfn_t mfn, int type, struct domain *d);

/*
 * LAB 3 EXERCISE 5. Sets entry `index` of page table mfn (FT_L1 or FT_L2,
 * in use) to `val`, as mmu_update and update_va_mapping do: takes the
 * references of the new entry first, then writes it, then releases the
 * old one's. An L2 index in the hole is refused (-EPERM). Returns 0 or
 * the refusal of get_page_from_l1e / get_page_from_l2e.
 */
int mod_entry(mfn_t mfn, int type, unsigned index, uint32_t val,
	      struct domain *d);

/* Writes the VMM's slots of the hole into a guest L2 (M2P, per-domain
 * area, trampoline). */
void hole_fill(struct domain *d, pde_t *l2);

/*
 * Preemptible L2 tables (lab 4). Validating or devalidating one L2 can
 * touch 959 L1s of 1024 entries each: tens of millions of instructions.
 * Lab 4 spreads that work over as many entries into the VMM as it needs
 * (vmm/pt_preempt.c); lab 3's defaults (table_hooks.c) do it in one go.
 *
 * table_get_preemptible: called before pinning mfn as an L2 or making it
 * a base. If mfn is d's and not yet a table, validates it, stopping with
 * -ERESTART when preemption is due (the next call goes on where this one
 * stopped); 1 when done: mfn is then a validated L2 and holds one type
 * and one general reference that the caller drops with
 * table_put_preemptible after taking its own. 0: nothing done, lab 3's
 * code decides. Else the refusal of an entry.
 *
 * table_put_preemptible: drops one type and one general reference of mfn
 * (put_page_and_type). When it is the last of an L2, the devalidation may
 * be left pending (0 is still returned): table_pending says so (and
 * tables_pending counts the domains with one, for a cheap first test), and
 * table_pending_run goes on with it (0 when finished, -ERESTART, or the
 * refusal a validation that was being undone ended with).
 */
extern unsigned tables_pending; /* domains with a devalidation pending */
int table_get_preemptible(mfn_t mfn, struct domain *d);
int table_put_preemptible(mfn_t mfn, struct domain *d);
int table_pending(struct domain *d);
int table_pending_run(struct domain *d);

/* The machine-to-physical table (m2p.c). */
void m2p_set(mfn_t mfn, pfn_t pfn);
uint32_t m2p_get(mfn_t mfn);

#endif
