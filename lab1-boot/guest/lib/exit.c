/* Ending a guest, normally or from an exercise stub. */
#include <lib/exercise.h>
#include <lib/string.h>
#include <guest/console.h>
#include <guest/lib.h>
#include <guest/platform.h>
#include <public/sched.h>

void guest_exit(unsigned reason)
{
	console_flush();
	platform->shutdown(reason);
}

/* The shared library code (lib/) may hold exercise stubs; in a guest they
 * report without formatting (exercise 1 is the formatting). */
void exercise_missing(int lab, int n, const char *name)
{
	char msg[] = "LAB ? EXERCISE ? (";

	msg[4] = (char)('0' + lab % 10);
	msg[15] = (char)('0' + n % 10);
	console_flush();
	platform->console_write(msg, sizeof(msg) - 1);
	platform->console_write(name, strlen(name));
	platform->console_write(") not implemented\n", 18);
	platform->shutdown(SHUTDOWN_crash);
}
