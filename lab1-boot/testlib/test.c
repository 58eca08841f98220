/* The test-guest framework: see include/guest/test.h. */
#include <stdarg.h>
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

#define REPORTER(fn, s)                                                     \
	void fn(const char *fmt, ...)                                       \
	{                                                                   \
		va_list ap;                                                 \
		va_start(ap, fmt);                                          \
		report(s, fmt, ap);                                         \
		va_end(ap);                                                 \
	}

REPORTER(xtf_success, SUCCESS)
REPORTER(xtf_skip, SKIP)
REPORTER(xtf_error, ERROR)
REPORTER(xtf_failure, FAILURE)

void bench_report(const char *name, uint32_t value, const char *unit)
{
	printf("BENCH %s %u %s\n", name, value, unit);
}

void guest_main(void)
{
	printf("--- test: %s ---\n", test_title);
	test_main();
	if (status == RUNNING)
		xtf_error("the test reported no result");
	printf("Test result: %s\n", status_names[status]);
	guest_exit(status <= SKIP ? SHUTDOWN_poweroff : SHUTDOWN_crash);
}
