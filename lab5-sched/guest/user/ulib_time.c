/* Lab 5's system-call wrappers (ulib_time.h). */
#include <guest/syscall_time.h>
#include <ulib_time.h>

/* The kernel answers in edx:eax, as lab 3's wait answers two values. */
uint64_t time_ns(void)
{
	uint32_t lo, hi;

	__asm__ volatile("int $0x80"
			 : "=a"(lo), "=d"(hi)
			 : "a"(SYS_time_ns)
			 : "memory");
	return (uint64_t)hi << 32 | lo;
}

void sleep_ns(uint64_t ns)
{
	syscall3(SYS_sleep_ns, (uint32_t)ns, (uint32_t)(ns >> 32), 0);
}
