/* VMM self-tests chosen on its command line (selftest.c). */
#ifndef VMM_SELFTEST_H
#define VMM_SELFTEST_H

void selftest_run(void);

#endif
