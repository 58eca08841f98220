/*
 * Exercise stubs. In the student tree an unfinished exercise is a call to
 * EXERCISE_STUB between the exercise markers; the solution tree has the
 * code there instead. The stub never returns: the VMM (or a guest, or a
 * unit test) stops at once with the line
 *     LAB <lab> EXERCISE <n> (<name>) not implemented
 * which the grader shows next to every test that needs the exercise.
 */
#ifndef LIB_EXERCISE_H
#define LIB_EXERCISE_H

#include <lib/compiler.h>

/* Provided by each environment (VMM, guest library, unit-test shim). */
__noreturn void exercise_missing(int lab, int n, const char *name);

#define EXERCISE_STUB(lab, n, name) exercise_missing(lab, n, name)

#endif
