/*
 * Number and string formatting (lib/printfmt.c). fmt_number (exercise 1)
 * is checked directly: every base from 2 to 16, upper and lower case, the
 * extremes 0 and UINT32_MAX, padding to a width (up to FMT_NUM_MAX) with
 * either pad character, no truncation when the number is wider than the
 * width, and no NUL written after the digits. snprintf is then checked end
 * to end, since it renders every number through fmt_number: each
 * conversion, the '-' and '0' flags, field widths, the ignored 'l'
 * modifier, INT32_MIN, truncation to the buffer and the returned length.
 */
#include <stdarg.h>
#include <string.h>
#include <criterion/criterion.h>
#include <lib/printfmt.h>

/* Runs fmt_number into a buffer pre-filled with '#', NUL-terminates the
 * result itself and checks that nothing was written past it. */
static void check_num(uint32_t v, unsigned base, int width, char pad, int upper,
		      const char *want)
{
	char buf[FMT_NUM_MAX + 8];
	int n;

	memset(buf, '#', sizeof(buf));
	n = fmt_number(buf, v, base, width, pad, upper);
	cr_assert_eq(n, (int)strlen(want),
		     "fmt_number(%u, base %u) "
		     "returned %d, want %zu",
		     v, base, n, strlen(want));
	cr_assert_eq(buf[n], '#', "fmt_number wrote past its digits");
	buf[n] = '\0';
	cr_assert_str_eq(buf, want);
}

Test(fmt_number, header_example)
{
	check_num(255, 16, 4, '0', 0, "00ff");
}

Test(fmt_number, zero_is_one_digit)
{
	check_num(0, 10, 0, ' ', 0, "0");
	check_num(0, 16, 0, ' ', 0, "0");
	check_num(0, 2, 3, '0', 0, "000");
}

Test(fmt_number, decimal)
{
	check_num(7, 10, 0, ' ', 0, "7");
	check_num(1234567890, 10, 0, ' ', 0, "1234567890");
	check_num(UINT32_MAX, 10, 0, ' ', 0, "4294967295");
}

Test(fmt_number, hex_case)
{
	check_num(0xDEADBEEF, 16, 0, ' ', 0, "deadbeef");
	check_num(0xDEADBEEF, 16, 0, ' ', 1, "DEADBEEF");
	check_num(0x0A1B2C3D, 16, 0, ' ', 1, "A1B2C3D");
}

Test(fmt_number, other_bases)
{
	check_num(5, 2, 0, ' ', 0, "101");
	check_num(UINT32_MAX, 2, 0, ' ', 0, "11111111111111111111111111111111");
	check_num(8, 8, 0, ' ', 0, "10");
	check_num(0777, 8, 0, ' ', 0, "777");
	check_num(35, 12, 0, ' ', 0, "2b");
	check_num(35, 12, 0, ' ', 1, "2B");
}

Test(fmt_number, padding)
{
	check_num(42, 10, 6, ' ', 0, "    42");
	check_num(42, 10, 6, '0', 0, "000042");
	check_num(1, 16, FMT_NUM_MAX, '0', 0,
		  "00000000000000000000000000000001");
}

/* The width is a minimum: a wider number is never cut. */
Test(fmt_number, width_never_truncates)
{
	check_num(123456, 10, 3, '0', 0, "123456");
	check_num(0xabc, 16, 3, '0', 0, "abc");
}

/* snprintf into a large buffer; checks the text and the return value. */
#define CHECK_FMT(want, ...)                                    \
	do {                                                    \
		char b_[128];                                   \
		int n_ = snprintf(b_, sizeof(b_), __VA_ARGS__); \
		cr_assert_str_eq(b_, want);                     \
		cr_assert_eq(n_, (int)strlen(want));            \
	} while (0)

Test(sprint, signed)
{
	CHECK_FMT("0", "%d", 0);
	CHECK_FMT("-42", "%d", -42);
	CHECK_FMT("17", "%i", 17);
	CHECK_FMT("2147483647", "%d", INT32_MAX);
	CHECK_FMT("-2147483648", "%d", INT32_MIN);
}

Test(sprint, unsigned_and_hex)
{
	CHECK_FMT("4294967295", "%u", UINT32_MAX);
	CHECK_FMT("ff", "%x", 255u);
	CHECK_FMT("FF", "%X", 255u);
	CHECK_FMT("c0000000", "%x", 0xC0000000u);
}

Test(sprint, width_and_flags)
{
	CHECK_FMT("   42|", "%5d|", 42);
	CHECK_FMT("42   |", "%-5d|", 42);
	CHECK_FMT("00042|", "%05d|", 42);
	CHECK_FMT("-0042|", "%05d|", -42); /* the sign takes a column */
	CHECK_FMT("  -42|", "%5d|", -42);
	CHECK_FMT("000abc|", "%06x|", 0xabcu);
	CHECK_FMT("abc   |", "%-6x|", 0xabcu);
	CHECK_FMT("12345|", "%3d|", 12345);
}

/* 'l' is ignored; the kit's long is 32 bits, the host's is not, but the
 * value is small enough to be read the same either way. */
Test(sprint, long_modifier)
{
	CHECK_FMT("123 ab", "%ld %lx", 123L, 0xabUL);
}

Test(sprint, pointer)
{
	CHECK_FMT("0x0000beef", "%p", (void *)0xbeef);
	CHECK_FMT("0xc0001000", "%p", (void *)0xc0001000UL);
}

Test(sprint, strings_and_chars)
{
	const char *volatile none = NULL; /* hidden from -Wformat-overflow */

	CHECK_FMT("hello", "%s", "hello");
	CHECK_FMT("(null)", "%s", none);
	CHECK_FMT("   ab|", "%5s|", "ab");
	CHECK_FMT("ab   |", "%-5s|", "ab");
	CHECK_FMT("x=A", "x=%c", 'A');
	CHECK_FMT("100%", "100%%");
	CHECK_FMT("d0 ok", "d%u %s", 0u, "ok");
}

Test(sprint, truncates_and_counts)
{
	char buf[8];
	int n;

	memset(buf, '#', sizeof(buf));
	n = snprintf(buf, 5, "value %d", 12345);
	cr_assert_eq(n, 11, "returns the untruncated length");
	cr_assert_str_eq(buf, "valu");
	cr_assert_eq(buf[5], '#', "wrote past size");

	memset(buf, '#', sizeof(buf));
	n = snprintf(buf, 0, "%x", 0xdeadu);
	cr_assert_eq(n, 4);
	cr_assert_eq(buf[0], '#', "size 0 must not write");
}

/* vformat with its own sink sees every character, in order. */
static void sink(char c, void *arg)
{
	char **p = arg;

	*(*p)++ = c;
}

static int format(char *out, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vformat(sink, &out, fmt, ap);
	va_end(ap);
	*out = '\0';
	return n;
}

Test(vformat, sink_gets_everything)
{
	char out[64];
	int n = format(out, "[%08X] %s=%u", 0x1f2eu, "pages", 1024u);

	cr_assert_str_eq(out, "[00001F2E] pages=1024");
	cr_assert_eq(n, (int)strlen(out));
}
