/*
 * The test-guest framework (after XTF). A test guest defines
 *
 *     const char test_title[] = "what this test checks";
 *     void test_main(void) { ... }
 *
 * The framework prints the title, runs test_main and then exactly one
 * line  "Test result: SUCCESS|SKIP|ERROR|FAILURE"  and shuts down. Report
 * with the calls below; the most severe status reported wins:
 *     SUCCESS < SKIP < ERROR < FAILURE.
 * ERROR means the test itself is broken; FAILURE means the code under
 * test is wrong. A test that reports nothing ends in ERROR. No result line
 * at all means the guest crashed (the grader's CRASH). The message of an
 * ERROR or FAILURE is printed after "ERROR: " or "FAILURE: ", so the
 * grader can show the first one under a failed test's verdict.
 */
#ifndef GUEST_TEST_H
#define GUEST_TEST_H

#include <stdint.h>
#include <lib/compiler.h>
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/lib.h>
#include <guest/platform.h>

extern const char test_title[];
void test_main(void);

void xtf_success(const char *fmt, ...) __printf(1, 2);
void xtf_skip(const char *fmt, ...) __printf(1, 2);
void xtf_error(const char *fmt, ...) __printf(1, 2);
void xtf_failure(const char *fmt, ...) __printf(1, 2);

/* Reports a FAILURE naming the condition if it is false. */
#define check(cond)                                                    \
	do {                                                           \
		if (!(cond))                                           \
			xtf_failure("check failed: %s (%s:%d)", #cond, \
				    __FILE__, __LINE__);               \
	} while (0)

/* Reports a FAILURE if a != b, showing both values. */
#define check_eq(a, b)                                                         \
	do {                                                                   \
		long a_ = (long)(a), b_ = (long)(b);                           \
		if (a_ != b_)                                                  \
			xtf_failure("check failed: %s == %s (%ld != %ld)", #a, \
				    #b, a_, b_);                               \
	} while (0)

/* The value of key=value on this guest's command line: 1 if found. */
int test_arg(const char *key, char *val, unsigned size);

/* A hexadecimal key=value (with or without 0x), or dflt. */
uint32_t test_arg_hex(const char *key, uint32_t dflt);

/* A decimal key=value (hexadecimal with 0x), or dflt. */
uint32_t test_arg_num(const char *key, uint32_t dflt);

/* Prints the result line and shuts down: what happens after test_main,
 * or at once when a test cannot go on. */
__noreturn void test_end(void);

/* Prints a benchmark figure: "BENCH <name> <value> <unit>". */
void bench_report(const char *name, uint32_t value, const char *unit);

#endif
