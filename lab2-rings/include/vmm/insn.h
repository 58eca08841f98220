/* Naming the privileged instructions a guest kernel may not execute. */
#ifndef VMM_INSN_H
#define VMM_INSN_H

#include <stdint.h>

struct vcpu;
struct cpu_regs;

/*
 * LAB 2 EXERCISE 6. The name of the privileged instruction whose bytes
 * (len of them, len >= 1, at most 15) start at insn, or NULL if it is not
 * one. Skips prefixes (operand and address size 66 67, lock and repeat F0
 * F2 F3, segment overrides 26 2E 36 3E 64 65). Names, by opcode:
 *   F4 hlt, FA cli, FB sti, E4 E5 EC ED in, E6 E7 EE EF out, 6C 6D ins,
 *   6E 6F outs, 0F 06 clts, 0F 08 invd, 0F 09 wbinvd, 0F 30 wrmsr,
 *   0F 32 rdmsr, 0F 20 and 0F 22 "mov cr", 0F 21 and 0F 23 "mov dr",
 *   0F 00 with ModRM reg 2 lldt, reg 3 ltr,
 *   0F 01 with ModRM reg 2 lgdt, reg 3 lidt, reg 6 lmsw, reg 7 invlpg.
 * (The ModRM reg field is bits 5-3 of the byte after the opcode. With a
 * register operand, ModRM mod = 3, most of 0F 01's reg values are other
 * instructions, xsetbv or monitor say; only lmsw is meant there, and the
 * tests use no other.)
 */
const char *priv_insn_name(const uint8_t *insn, unsigned len);

/* The privileged instruction at the guest's eip, read from its memory,
 * or NULL. */
const char *privileged_insn(struct vcpu *v, const struct cpu_regs *r);

#endif
