/*
 * Lab 3's additions to the user library (lab 2's ulib.h): the system
 * calls of processes with their own address spaces.
 */
#ifndef ULIB_VM_H
#define ULIB_VM_H

#include <ulib.h>

int fork(void);	       /* the child's pid, 0 in the child, or -errno */
int wait(int *status); /* a child's pid (its status), or -ECHILD */
void *sbrk(int32_t n); /* the old end of the heap, or (void *)-1 */

#endif
