/* The test-guest framework: see include/guest/test.h. */
#include <stdarg.h>
#include <lib/cmdline.h>
#include <guest/test.h>
#include <public/sched.h>

enum status { RUNNING, SUCCESS, SKIP, ERROR, FAILURE };

static const char *const status_names[] = {
	[SUCCESS] = "SUCCESS",
	[SKIP] = "SKIP",
	[ERROR] = "ERROR",
	[FAILURE] = "FAILURE",
};

static enum status status = RUNNING;

static void report(enum status s, const char *fmt, va_list ap)
{
	if (s > status)
		status = s;
	if (fmt && *fmt) {
		/* the grader shows the first such line under the verdict */
		if (s == FAILURE || s == ERROR)
			printf("%s: ", status_names[s]);
		vprintf(fmt, ap);
		printf("\n");
	}
}

#define REPORTER(fn, s)               \
	void fn(const char *fmt, ...) \
	{                             \
		va_list ap;           \
		va_start(ap, fmt);    \
		report(s, fmt, ap);   \
		va_end(ap);           \
	}

REPORTER(xtf_success, SUCCESS)
REPORTER(xtf_skip, SKIP)
REPORTER(xtf_error, ERROR)
REPORTER(xtf_failure, FAILURE)

void bench_report(const char *name, uint32_t value, const char *unit)
{
	printf("BENCH %s %u %s\n", name, value, unit);
}

void test_end(void)
{
	if (status == RUNNING)
		xtf_error("the test reported no result");
	printf("Test result: %s\n", status_names[status]);
	guest_exit(status <= SKIP ? SHUTDOWN_poweroff : SHUTDOWN_crash);
}

void guest_main(void)
{
	printf("--- test: %s ---\n", test_title);
	test_main();
	test_end();
}

int test_arg(const char *key, char *val, unsigned size)
{
	return cmdline_get(start_info->cmd_line, key, val, size);
}

/* The number in s, in base 10 or 16; dflt (and an ERROR) if a character
 * is not a digit of that base. */
static uint32_t parse_num(const char *key, const char *s, unsigned base,
			  uint32_t dflt)
{
	const char *p = s;
	uint32_t v = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	for (; *p; p++) {
		unsigned d =
			(*p >= '0' && *p <= '9') ? (unsigned)(*p - '0') :
			(*p >= 'a' && *p <= 'f') ? (unsigned)(*p - 'a' + 10) :
			(*p >= 'A' && *p <= 'F') ? (unsigned)(*p - 'A' + 10) :
						   99;
		if (d >= base) {
			xtf_error("bad number %s=%s", key, s);
			return dflt;
		}
		v = v * base + d;
	}
	return v;
}

uint32_t test_arg_hex(const char *key, uint32_t dflt)
{
	char buf[16];

	return test_arg(key, buf, sizeof(buf)) ? parse_num(key, buf, 16, dflt) :
						 dflt;
}

uint32_t test_arg_num(const char *key, uint32_t dflt)
{
	char buf[16];

	return test_arg(key, buf, sizeof(buf)) ? parse_num(key, buf, 10, dflt) :
						 dflt;
}
