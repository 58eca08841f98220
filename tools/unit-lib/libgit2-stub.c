/*
 * A stand-in for libgit2 under the host unit tests.
 *
 * Debian's libcriterion links libgit2, and libgit2 in turn 14 more
 * libraries (Kerberos, mbed TLS, libssh2, PCRE2...), only to draw the
 * diffs of <criterion/new/assert.h>. Criterion runs every test case in a
 * fresh exec of the test binary, so every case paid for loading them all
 * and for libgit2's start (which parses the system's CA bundle): about
 * half of what a case costs (measured: test_desc, 17 cases, 350 ms with
 * libgit2, 180 ms with this file). tools/unit-lib/build.sh builds this
 * file under libgit2's soname, and each unit-test binary loads it first,
 * so the loader takes it for the libgit2 libcriterion asks for.
 *
 * These are the three functions libcriterion calls. Contract: the kit's
 * unit tests use the assertions of <criterion/criterion.h> (cr_assert,
 * cr_assert_eq...), never those of <criterion/new/assert.h>; a diff asked
 * for all the same is refused loudly (and Criterion, left without one,
 * then crashes the test binary), never drawn wrong.
 */
#include <stdio.h>

int git_libgit2_init(void);
int git_libgit2_shutdown(void);
int git_diff_buffers(void);

int git_libgit2_init(void)
{
	return 1; /* "initialised once", as libgit2 would say */
}

int git_libgit2_shutdown(void)
{
	return 0; /* "no initialisation left" */
}

int git_diff_buffers(void)
{
	fprintf(stderr, "unit: no diffs here: use <criterion/criterion.h>'s "
			"assertions, not <criterion/new/assert.h>'s "
			"(tools/unit-lib/libgit2-stub.c)\n");
	return -1; /* libgit2's generic error */
}
