/*
 * The rules for the entries of a guest's page tables (exercises 3 and 4)
 * and the validation of whole tables. Validation takes, for every present
 * entry, the references it needs (mm.h); devalidation gives them back.
 */
#include <lib/exercise.h>
#include <public/errno.h>
#include <vmm/domain.h>
#include <vmm/memlayout.h>
#include <vmm/mm.h>

int get_page_from_l1e(pte_t e, struct domain *d)
{
	/* BEGIN LAB 3 EXERCISE 3 (get_page_from_l1e) */
	int rc;

	if (!(e & PTE_P))
		return 0;
	if (e & L1_DISALLOWED)
		return -EINVAL;
	rc = get_page(PTE_MFN(e), d);
	if (rc)
		return rc;
	if (e & PTE_W) {
		rc = get_page_type(PTE_MFN(e), FT_WRITABLE, d);
		if (rc)
			put_page(PTE_MFN(e));
	}
	return rc;
	/* END LAB 3 EXERCISE 3 */
}

void put_page_from_l1e(pte_t e, struct domain *d)
{
	if (!(e & PTE_P))
		return;
	if (e & PTE_W)
		put_page_type(PTE_MFN(e), d);
	put_page(PTE_MFN(e));
}

int get_page_from_l2e(pde_t e, struct domain *d)
{
	/* BEGIN LAB 3 EXERCISE 4 (get_page_from_l2e) */
	if (!(e & PTE_P))
		return 0;
	if (e & L2_DISALLOWED)
		return -EINVAL;
	return get_page_and_type(PTE_MFN(e), FT_L1, d);
	/* END LAB 3 EXERCISE 4 */
}

void put_page_from_l2e(pde_t e, struct domain *d)
{
	if (e & PTE_P)
		put_page_and_type(PTE_MFN(e), d);
}

/* How many entries of a table of `type` are the guest's. */
static unsigned guest_entries(int type)
{
	return type == FT_L2 ? HOLE_FIRST_SLOT : ENTRIES_PER_TABLE;
}

static int get_entry(uint32_t e, int type, struct domain *d)
{
	return type == FT_L2 ? get_page_from_l2e(e, d) :
			       get_page_from_l1e(e, d);
}

static void put_entry(uint32_t e, int type, struct domain *d)
{
	if (type == FT_L2)
		put_page_from_l2e(e, d);
	else
		put_page_from_l1e(e, d);
}

int validate_table(mfn_t mfn, int type, struct domain *d)
{
	uint32_t *t = P2V((paddr_t)mfn << PAGE_SHIFT);
	unsigned n = guest_entries(type);
	int rc;

	for (unsigned i = 0; i < n; i++) {
		rc = get_entry(t[i], type, d);
		if (rc) {
			while (i--)
				put_entry(t[i], type, d);
			return rc;
		}
	}
	if (type == FT_L2)
		hole_fill(d, t);
	return 0;
}

void devalidate_table(mfn_t mfn, int type, struct domain *d)
{
	uint32_t *t = P2V((paddr_t)mfn << PAGE_SHIFT);
	unsigned n = guest_entries(type);

	for (unsigned i = 0; i < n; i++)
		put_entry(t[i], type, d);
}
