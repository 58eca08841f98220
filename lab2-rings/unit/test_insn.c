/*
 * priv_insn_name (exercise 6): every privileged instruction of insn.h's
 * list by name, alone, after each prefix and after eleven of them; the
 * ModRM groups 0F 00 and 0F 01 by their reg field, for every ModRM byte
 * (for 0F 01 with a register operand, only lmsw and smsw): lldt, ltr,
 * lgdt, lidt, lmsw and invlpg are named, sldt, str, verr, verw, sgdt,
 * sidt and smsw are not privileged (NULL); input cut short (len ending
 * among the prefixes, before the second opcode byte or before the ModRM
 * byte: NULL, although the bytes past len would complete an instruction);
 * and ordinary instructions, including neighbours of the listed opcodes
 * and sensitive ones that do not fault (pushf, popf, int, iret): NULL.
 */
#include <stdio.h>
#include <string.h>
#include <criterion/criterion.h>
#include <vmm/insn.h>

struct insn {
	uint8_t len;
	uint8_t bytes[4];
	const char *name;
};

static const struct insn privileged[] = {
	{ 1, { 0xF4 }, "hlt" },
	{ 1, { 0xFA }, "cli" },
	{ 1, { 0xFB }, "sti" },
	{ 2, { 0xE4, 0x60 }, "in" },
	{ 2, { 0xE5, 0x60 }, "in" },
	{ 1, { 0xEC }, "in" },
	{ 1, { 0xED }, "in" },
	{ 2, { 0xE6, 0x80 }, "out" },
	{ 2, { 0xE7, 0x80 }, "out" },
	{ 1, { 0xEE }, "out" },
	{ 1, { 0xEF }, "out" },
	{ 1, { 0x6C }, "ins" },
	{ 1, { 0x6D }, "ins" },
	{ 1, { 0x6E }, "outs" },
	{ 1, { 0x6F }, "outs" },
	{ 2, { 0x0F, 0x06 }, "clts" },
	{ 2, { 0x0F, 0x08 }, "invd" },
	{ 2, { 0x0F, 0x09 }, "wbinvd" },
	{ 2, { 0x0F, 0x30 }, "wrmsr" },
	{ 2, { 0x0F, 0x32 }, "rdmsr" },
	{ 3, { 0x0F, 0x20, 0xC0 }, "mov cr" },	     /* mov %cr0, %eax */
	{ 3, { 0x0F, 0x22, 0xD8 }, "mov cr" },	     /* mov %eax, %cr3 */
	{ 3, { 0x0F, 0x21, 0xF8 }, "mov dr" },	     /* mov %dr7, %eax */
	{ 3, { 0x0F, 0x23, 0xC0 }, "mov dr" },	     /* mov %eax, %dr0 */
	{ 3, { 0x0F, 0x00, 0xD0 }, "lldt" },	     /* lldt %ax */
	{ 3, { 0x0F, 0x00, 0x10 }, "lldt" },	     /* lldt (%eax) */
	{ 3, { 0x0F, 0x00, 0xD8 }, "ltr" },	     /* ltr %ax */
	{ 4, { 0x0F, 0x00, 0x5D, 0x08 }, "ltr" },    /* ltr 8(%ebp) */
	{ 3, { 0x0F, 0x01, 0x10 }, "lgdt" },	     /* lgdt (%eax) */
	{ 4, { 0x0F, 0x01, 0x55, 0xF8 }, "lgdt" },   /* lgdt -8(%ebp) */
	{ 3, { 0x0F, 0x01, 0x18 }, "lidt" },	     /* lidt (%eax) */
	{ 3, { 0x0F, 0x01, 0xF0 }, "lmsw" },	     /* lmsw %ax */
	{ 3, { 0x0F, 0x01, 0x30 }, "lmsw" },	     /* lmsw (%eax) */
	{ 3, { 0x0F, 0x01, 0x38 }, "invlpg" },	     /* invlpg (%eax) */
	{ 4, { 0x0F, 0x01, 0x7B, 0x10 }, "invlpg" }, /* invlpg 16(%ebx) */
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const uint8_t prefixes[] = { 0x66, 0x67, 0xF0, 0xF2, 0xF3, 0x26,
				    0x2E, 0x36, 0x3E, 0x64, 0x65 };

/* The len bytes, in hex, for a failure message. */
static const char *hex(const uint8_t *bytes, unsigned len)
{
	static char buf[3 * 16 + 1];

	buf[0] = 0;
	for (unsigned i = 0; i < len && i < 16; i++)
		sprintf(buf + 3 * i, "%02x ", bytes[i]);
	return buf;
}

static void names(const uint8_t *bytes, unsigned len, const char *want)
{
	const char *got = priv_insn_name(bytes, len);

	cr_assert(got && strcmp(got, want) == 0, "%s(len %u): %s, not %s",
		  hex(bytes, len), len, got ? got : "NULL", want);
}

static void not_privileged(const uint8_t *bytes, unsigned len)
{
	const char *got = priv_insn_name(bytes, len);

	cr_assert_null(got, "%s(len %u): %s, not NULL", hex(bytes, len), len,
		       got);
}

Test(priv_insn_name, each)
{
	for (unsigned i = 0; i < N(privileged); i++)
		names(privileged[i].bytes, privileged[i].len,
		      privileged[i].name);
}

Test(priv_insn_name, after_each_prefix)
{
	uint8_t buf[16];

	for (unsigned p = 0; p < N(prefixes); p++)
		for (unsigned i = 0; i < N(privileged); i++) {
			buf[0] = prefixes[p];
			memcpy(buf + 1, privileged[i].bytes, 4);
			names(buf, privileged[i].len + 1, privileged[i].name);
		}
}

/* Eleven prefixes, then the instruction, fifteen bytes in all. */
Test(priv_insn_name, many_prefixes)
{
	uint8_t buf[16] = { 0 };

	memcpy(buf, prefixes, 11);
	memcpy(buf + 11, (uint8_t[]){ 0x0F, 0x01, 0x7B, 0x10 }, 4);
	names(buf, 15, "invlpg");
	memcpy(buf + 11, (uint8_t[]){ 0xF4, 0x90, 0x90, 0x90 }, 4);
	names(buf, 12, "hlt");
	names(buf, 15, "hlt");
}

/* 0F 00: the reg field alone decides, for a register or memory operand. */
Test(priv_insn_name, group_0f00)
{
	static const char *const name[8] = { [2] = "lldt", [3] = "ltr" };

	for (unsigned modrm = 0; modrm < 256; modrm++) {
		const uint8_t buf[4] = { 0x0F, 0x00, modrm, 0x10 };
		const char *want = name[(modrm >> 3) & 7];

		if (want)
			names(buf, 4, want);
		else
			not_privileged(buf, 4); /* sldt, str, verr, verw */
	}
}

/* 0F 01: the reg field decides for a memory operand (mod != 3); with a
 * register operand only lmsw and smsw are the same instructions (the
 * other encodings are unrelated ones, not checked). */
Test(priv_insn_name, group_0f01)
{
	static const char *const name[8] = {
		[2] = "lgdt", [3] = "lidt", [6] = "lmsw", [7] = "invlpg"
	};

	for (unsigned modrm = 0; modrm < 256; modrm++) {
		const uint8_t buf[4] = { 0x0F, 0x01, modrm, 0x10 };
		unsigned reg = (modrm >> 3) & 7;

		if (modrm >= 0xC0 && reg != 4 && reg != 6)
			continue;
		if (name[reg])
			names(buf, 4, name[reg]);
		else
			not_privileged(buf, 4); /* sgdt, sidt, smsw */
	}
}

/* len ends before the opcode, the second opcode byte or the ModRM byte:
 * what follows in memory would make a privileged instruction. */
Test(priv_insn_name, truncated)
{
	static const uint8_t hlt[] = { 0x66, 0xF4 };
	static const uint8_t prefixed[] = { 0x2E, 0x3E, 0x66, 0xFA };
	static const uint8_t clts[] = { 0x0F, 0x06 };
	static const uint8_t lgdt[] = { 0x0F, 0x01, 0x10 };
	static const uint8_t ltr[] = { 0xF3, 0x0F, 0x00, 0xD8 };

	not_privileged(hlt, 1);
	not_privileged(prefixed, 1);
	not_privileged(prefixed, 3);
	names(prefixed, 4, "cli");
	not_privileged(clts, 1);
	not_privileged(lgdt, 1);
	not_privileged(lgdt, 2);
	not_privileged(ltr, 2);
	not_privileged(ltr, 3);
	names(ltr, 4, "ltr");
}

Test(priv_insn_name, ordinary)
{
	static const uint8_t ordinary[][3] = {
		{ 0x90 },	      /* nop */
		{ 0x9C },	      /* pushf */
		{ 0x9D },	      /* popf */
		{ 0xCD, 0x80 },	      /* int $0x80 */
		{ 0xCC },	      /* int3 */
		{ 0xCF },	      /* iret */
		{ 0xC3 },	      /* ret */
		{ 0xF5 },	      /* cmc */
		{ 0xFC },	      /* cld */
		{ 0xF9 },	      /* stc */
		{ 0xE8, 0, 0 },	      /* call */
		{ 0xEB, 0xFE },	      /* jmp . */
		{ 0x6A, 0x01 },	      /* push $1 */
		{ 0x8E, 0xD8 },	      /* mov %eax, %ds */
		{ 0x40 },	      /* inc %eax */
		{ 0x0F, 0xA2 },	      /* cpuid */
		{ 0x0F, 0x31 },	      /* rdtsc */
		{ 0x0F, 0x05 },	      /* (syscall) */
		{ 0x0F, 0x07 },	      /* (sysret) */
		{ 0x0F, 0x0B },	      /* ud2 */
		{ 0x0F, 0x24, 0xC0 }, /* (mov tr) */
		{ 0x0F, 0x33 },	      /* rdpmc */
		{ 0x0F, 0xB6, 0xC0 }, /* movzbl */
		{ 0x2F },	      /* das: not a prefix */
		{ 0x3F },	      /* aas */
	};

	for (unsigned i = 0; i < N(ordinary); i++)
		not_privileged(ordinary[i], 3);
	/* A non-prefix byte ends the prefixes: 40 F4 is inc, then hlt. */
	not_privileged((const uint8_t[]){ 0x40, 0xF4, 0 }, 2);
	not_privileged((const uint8_t[]){ 0x66, 0x90, 0xF4 }, 3);
}
