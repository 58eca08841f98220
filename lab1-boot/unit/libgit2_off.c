/*
 * Criterion runs every test case in a process of its own: a fresh exec of
 * the test binary. In each one Debian's libcriterion starts libgit2, which
 * it needs only to print diffs for the assertions of criterion/new/, which
 * the kit's tests do not use; and libgit2's start reads and parses the
 * system's whole CA certificate bundle. That is a third of what a test
 * case costs (measured: test_desc's 17 cases, 497 ms before, 331 ms
 * after). These two definitions come before libgit2's (a program's own
 * symbols win over a shared library's), so that start is skipped.
 *
 * Contract: unit tests use the assertions of <criterion/criterion.h>
 * (cr_assert, cr_expect...), never those of <criterion/new/assert.h>.
 * Where Criterion is built without libgit2 these are simply unused.
 */
int git_libgit2_init(void);
int git_libgit2_shutdown(void);

int git_libgit2_init(void)
{
	return 1; /* "initialised once", as libgit2 would say */
}

int git_libgit2_shutdown(void)
{
	return 0; /* "no initialisation left" */
}
