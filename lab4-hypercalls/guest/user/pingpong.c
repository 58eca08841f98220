/*
 * pingpong: an event batted between two domains, ROUNDS times, over
 * channel 0. The side whose kernel offered the channel pings, the other
 * answers; both count and check what they received. Without a peer
 * domain (no peer= on the kernel's command line) there is nothing to do.
 */
#include <ulib_events.h>

#define ROUNDS 100

static int ping(void)
{
	chan_wait(0, 1); /* the other side is there */
	for (uint32_t i = 1; i <= ROUNDS; i++) {
		chan_send(0);
		chan_wait(0, i + 1);
	}
	printf("ping: %d sent, %ld answers\n", ROUNDS, chan_wait(0, 0) - 1);
	return chan_wait(0, 0) == ROUNDS + 1 ? 0 : 1;
}

static int pong(void)
{
	chan_send(0); /* here */
	for (uint32_t i = 1; i <= ROUNDS; i++) {
		chan_wait(0, i);
		chan_send(0);
	}
	printf("pong: %ld received, %d answered\n", chan_wait(0, 0), ROUNDS);
	return chan_wait(0, 0) == ROUNDS ? 0 : 1;
}

int main(void)
{
	int side = chan_info(0);

	if (side < 0) {
		printf("no peer domain: nothing to do\n");
		return 0;
	}
	return side == 0 ? ping() : pong();
}
