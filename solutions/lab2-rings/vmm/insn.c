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
	static const char *const group0f00[8] = { [2] = "lldt", [3] = "ltr" };
	static const char *const group0f01[8] = {
		[2] = "lgdt", [3] = "lidt", [6] = "lmsw", [7] = "invlpg"
	};
	unsigned i = 0;

	while (i < len &&
	       (insn[i] == 0x66 || insn[i] == 0x67 || insn[i] == 0xF0 ||
		insn[i] == 0xF2 || insn[i] == 0xF3 || insn[i] == 0x26 ||
		insn[i] == 0x2E || insn[i] == 0x36 || insn[i] == 0x3E ||
		insn[i] == 0x64 || insn[i] == 0x65))
		i++;
	if (i >= len)
		return NULL;
	switch (insn[i]) {
	case 0xF4:
		return "hlt";
	case 0xFA:
		return "cli";
	case 0xFB:
		return "sti";
	case 0xE4:
	case 0xE5:
	case 0xEC:
	case 0xED:
		return "in";
	case 0xE6:
	case 0xE7:
	case 0xEE:
	case 0xEF:
		return "out";
	case 0x6C:
	case 0x6D:
		return "ins";
	case 0x6E:
	case 0x6F:
		return "outs";
	case 0x0F:
		break;
	default:
		return NULL;
	}
	if (++i >= len)
		return NULL;
	switch (insn[i]) {
	case 0x06:
		return "clts";
	case 0x08:
		return "invd";
	case 0x09:
		return "wbinvd";
	case 0x30:
		return "wrmsr";
	case 0x32:
		return "rdmsr";
	case 0x20:
	case 0x22:
		return "mov cr";
	case 0x21:
	case 0x23:
		return "mov dr";
	case 0x00:
		return i + 1 < len ? group0f00[(insn[i + 1] >> 3) & 7] : NULL;
	case 0x01:
		return i + 1 < len ? group0f01[(insn[i + 1] >> 3) & 7] : NULL;
	}
	return NULL;
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
