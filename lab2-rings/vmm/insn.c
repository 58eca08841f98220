/*
 * Which privileged instruction made a guest kernel fault (exercise 6).
 * In ring 1 these raise #GP; the VMM names the instruction when it ends
 * the domain. (Sensitive instructions that do NOT fault in ring 1, such as
 * popf, pushf and sgdt, never get here: see the lab 2 chapter.)
 */
#include <lib/exercise.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
#include <vmm/insn.h>

#define MAX_INSN 15

const char *priv_insn_name(const uint8_t *insn, unsigned len)
{
	/* BEGIN LAB 2 EXERCISE 6 (priv_insn_name) */
	(void)insn, (void)len;
	EXERCISE_STUB(2, 6, "priv_insn_name");
	/* END LAB 2 EXERCISE 6 */
}

const char *privileged_insn(struct vcpu *v, const struct cpu_regs *r)
{
	uint8_t bytes[MAX_INSN];
	unsigned n = 0;

	/* Byte by byte: the instruction may end just before an unmapped page.
	 */
	while (n < MAX_INSN &&
	       copy_from_guest(v->domain, &bytes[n], r->eip + n, 1) == 0)
		n++;
	return n ? priv_insn_name(bytes, n) : NULL;
}
