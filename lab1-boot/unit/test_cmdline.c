/*
 * Command-line parsing (lib/cmdline.c, provided code, no exercise).
 * cmdline_get must find key=value among space-separated tokens wherever
 * the token is, match whole keys only (mem must not match memory=...,
 * nor a key inside another token's value), report a bare flag with an
 * empty value, truncate the value to the buffer and NUL-terminate it, and
 * write nothing when size is 0. parse_size must accept plain byte counts
 * and the K, M, G suffixes in either case, up to 4 GiB - 1, and refuse
 * anything else: empty, no digits, trailing junk, signs, spaces, hex, and
 * values that overflow 32 bits (during the digits or by the suffix).
 */
#include <string.h>
#include <criterion/criterion.h>
#include <lib/cmdline.h>

static char val[16];

/* Looks key up; checks the result, and the value if found. */
static void check_get(const char *line, const char *key, const char *want)
{
	int found;

	memset(val, '#', sizeof(val));
	found = cmdline_get(line, key, val, sizeof(val));
	if (!want) {
		cr_assert_eq(found, 0, "found %s in \"%s\"", key, line);
		return;
	}
	cr_assert_eq(found, 1, "%s not found in \"%s\"", key, line);
	cr_assert_str_eq(val, want);
}

Test(cmdline_get, position)
{
	const char *line = "mem=8M console=com1 quiet name=hello";

	check_get(line, "mem", "8M");
	check_get(line, "console", "com1");
	check_get(line, "name", "hello");
	check_get(line, "missing", NULL);
	check_get("", "mem", NULL);
}

/* Only a whole key matches. */
Test(cmdline_get, whole_keys)
{
	check_get("memory=5 mem=8M", "mem", "8M");
	check_get("memory=5", "mem", NULL);
	check_get("mem=8M", "memory", NULL);
	check_get("mem=8M", "me", NULL);
	check_get("name=mem=3", "mem", NULL); /* inside a value */
	check_get("name=x mem", "mem", "");
}

Test(cmdline_get, flags_and_empty_values)
{
	check_get("quiet mem=4M", "quiet", "");
	check_get("a= b=2", "a", "");
	check_get("a= b=2", "b", "2");
	check_get("a=1 a=2", "a", "1"); /* the first one counts */
}

Test(cmdline_get, extra_spaces)
{
	check_get("  a=1   b=2  ", "b", "2");
	check_get("  a=1   b=2  ", "a", "1");
}

Test(cmdline_get, truncates)
{
	char small[4];

	memset(small, '#', sizeof(small));
	cr_assert_eq(cmdline_get("x=abcdefgh y=1", "x", small, sizeof(small)),
		     1);
	cr_assert_str_eq(small, "abc");
	memset(small, '#', sizeof(small));
	cr_assert_eq(cmdline_get("x=abc", "x", small, sizeof(small)), 1);
	cr_assert_str_eq(small, "abc"); /* exactly fits */
}

Test(cmdline_get, size_zero_writes_nothing)
{
	char c = '#';

	cr_assert_eq(cmdline_get("x=abc", "x", &c, 0), 1);
	cr_assert_eq(c, '#');
	cr_assert_eq(cmdline_get("flag", "flag", &c, 0), 1);
	cr_assert_eq(c, '#');
}

/* ---- parse_size ---- */

static void check_size(const char *s, uint32_t want)
{
	uint32_t got = 0xdeadbeef;

	cr_assert_eq(parse_size(s, &got), 0, "\"%s\" refused", s);
	cr_assert_eq(got, want, "\"%s\" gave %u, want %u", s, got, want);
}

static void check_bad(const char *s)
{
	uint32_t got;

	cr_assert_eq(parse_size(s, &got), -1, "\"%s\" accepted", s);
}

Test(parse_size, plain_bytes)
{
	check_size("0", 0);
	check_size("1048576", 1048576);
	check_size("007", 7);
	check_size("4294967295", 0xFFFFFFFF);
}

Test(parse_size, suffixes)
{
	check_size("512K", 512 << 10);
	check_size("512k", 512 << 10);
	check_size("4M", 4 << 20);
	check_size("64m", 64 << 20);
	check_size("1G", 1 << 30);
	check_size("3g", 3U << 30);
	check_size("0M", 0);
	check_size("4194303K", 0xFFFFFC00);
}

Test(parse_size, too_big)
{
	check_bad("4294967296");
	/* 2^64 + 5: a sum left to wrap 64 bits would end as 5 */
	check_bad("18446744073709551621");
	check_bad("4G");
	check_bad("4096M");
	check_bad("4194304K");
}

Test(parse_size, malformed)
{
	check_bad("");
	check_bad("M");
	check_bad("4MB");
	check_bad("4T");
	check_bad("-1");
	check_bad("+1");
	check_bad(" 4");
	check_bad("4 ");
	check_bad("0x10");
	check_bad("1.5M");
}
