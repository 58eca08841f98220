/* VMM self-tests chosen on its command line (selftest.c). */
#ifndef VMM_SELFTEST_H
#define VMM_SELFTEST_H

/* Runs the self-test named by selftest= in the VMM command line, if any. */
void selftest_run(const char *vmm_cmdline);

#endif
