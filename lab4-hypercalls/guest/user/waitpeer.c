/*
 * waitpeer: blocks until the peer domain signals on channel 1. On the
 * side that bound the channels it is the one that signals, once its
 * pingpong has answered every ping; on the other it sleeps until then.
 * The process sleeps in the kernel; with nothing else to run, the kernel
 * blocks in the VMM (SCHEDOP_block) until the event comes.
 */
#include <ulib_events.h>

int main(void)
{
	int side = chan_info(1);

	if (side < 0) {
		printf("no peer domain: nothing to wait for\n");
		return 0;
	}
	if (side == 1) {
		chan_wait(0, 100); /* pingpong is done */
		chan_send(1);
		printf("signalled the peer\n");
		return 0;
	}
	chan_wait(1, 1);
	printf("the peer signalled: %ld event\n", chan_wait(1, 0));
	return 0;
}
