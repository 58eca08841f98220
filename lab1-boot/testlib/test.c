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

uint32_t test_arg_hex(const char *key, uint32_t dflt)
{
	char buf[16], *s = buf;
	uint32_t v = 0;

	if (!test_arg(key, buf, sizeof(buf)))
		return dflt;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	for (; *s; s++) {
		int d = (*s >= '0' && *s <= '9') ? *s - '0' :
			(*s >= 'a' && *s <= 'f') ? *s - 'a' + 10 :
			(*s >= 'A' && *s <= 'F') ? *s - 'A' + 10 :
						   -1;
		if (d < 0) {
			xtf_error("bad hexadecimal %s=%s", key, buf);
			return dflt;
		}
		v = v * 16 + (uint32_t)d;
	}
	return v;
}
