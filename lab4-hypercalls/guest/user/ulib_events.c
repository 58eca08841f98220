/* Lab 4's system-call wrappers (ulib_events.h). */
#include <guest/syscall_events.h>
#include <ulib_events.h>

int chan_info(int c)
{
	return (int)syscall3(SYS_chan_info, (uint32_t)c, 0, 0);
}

int chan_send(int c)
{
	return (int)syscall3(SYS_chan_send, (uint32_t)c, 0, 0);
}

long chan_wait(int c, uint32_t n)
{
	return syscall3(SYS_chan_wait, (uint32_t)c, n, 0);
}
