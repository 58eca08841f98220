/*
 * Host stand-ins for what the VMM code under test calls: panic, printk,
 * exercise stubs, and the simulated machine memory behind P2V().
 * A panic or a missing exercise aborts the test process; Criterion then
 * reports that test as crashed, with the message on stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <lib/exercise.h>
#include <vmm/printk.h>
#include "unit.h"

unsigned char *unit_machine;

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "PANIC: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	abort();
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

void exercise_missing(int lab, int n, const char *name)
{
	fprintf(stderr, "LAB %d EXERCISE %d (%s) not implemented\n", lab, n,
		name);
	abort();
}

void unit_machine_init(void)
{
	free(unit_machine);
	unit_machine = calloc(1, UNIT_MACHINE_BYTES);
	if (!unit_machine)
		abort();
}
