/* Ring-3 helpers of the lab 2 test library: see include/guest/handlers.h. */
#include <lib/string.h>
#include <guest/handlers.h>
#include <guest/test.h>
#include <public/layout.h>

extern char __user_text_start[], __user_text_end[];
extern uint32_t user_arg;		     /* handlers_entry.S */
void enter_user(uint32_t eip, uint32_t esp); /* traps_entry.S */

_Static_assert(sizeof(struct rec) == 40, "handlers_entry.S knows it");

static char *window(void)
{
	uint32_t first = KIT_USER_FIRST_PFN(start_info->nr_pages);

	return (char *)(KIT_KERNEL_BASE + first * 4096);
}

uint32_t user_addr(const void *p)
{
	return KIT_USER_BASE + (uint32_t)((const char *)p - __user_text_start);
}

void *user_data(const void *p)
{
	return window() + ((const char *)p - __user_text_start);
}

int exec_user_at(void (*fn)(void), uint32_t arg, struct fault *f)
{
	user_arg = arg; /* exec_user copies it into the window */
	return exec_user(fn, f);
}

void user_enter_raw(void (*fn)(void))
{
	uint32_t top =
		KIT_USER_BASE + KIT_USER_PAGES(start_info->nr_pages) * 4096;

	memcpy(window(), __user_text_start,
	       __user_text_end - __user_text_start);
	console_flush();
	enter_user(user_addr((const void *)fn), top - 16);
	__builtin_unreachable();
}
