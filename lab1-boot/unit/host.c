/*
 * Host stand-ins for what the VMM code under test calls: panic, printk,
 * exercise stubs, and the simulated machine memory behind P2V().
 * A panic aborts the test process (SIGABRT: what a test of a panic
 * expects); a missing exercise ends it with EXERCISE_MISSING_STATUS, so
 * that no test passes on a stub. Criterion reports either as a crash,
 * with the message on stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <lib/exercise.h>
#include <vmm/frame.h>
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
	_exit(EXERCISE_MISSING_STATUS); /* not abort(): a test that expects a
					 * panic must not pass on a stub */
}

void unit_machine_init(void)
{
	free(unit_machine);
	unit_machine = calloc(1, UNIT_MACHINE_BYTES);
	if (!unit_machine)
		abort();
}

struct frame *unit_frame_decoy;

void unit_frame_table_init(void)
{
	static struct frame *table;

	free(table);
	table = calloc(UNIT_MACHINE_FRAMES + 1, sizeof(*table));
	if (!table)
		abort();
	frame_table_init(table, UNIT_MACHINE_FRAMES);
	unit_frame_decoy = &table[UNIT_MACHINE_FRAMES];
}
