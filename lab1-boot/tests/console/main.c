/*
 * console: console_io and sched_op with good and hostile arguments. Every
 * bad pointer, length, command or hypercall number must come back as an
 * error code, with the VMM and this guest still running. The grader also
 * checks the lines the VMM printed: control characters replaced, long
 * lines split.
 */
#include <guest/test.h>

const char test_title[] = "console_io and sched_op argument checking";

static long write(unsigned count, uint32_t va)
{
	return HYPERVISOR_console_io(CONSOLEIO_write, count, (const char *)va);
}

static void pointers(void)
{
	/* The first unmapped page: past the memory, and past the shared-info
	 * page that later labs map there (public/layout.h). */
	uint32_t end = 0xC0000000u + start_info->nr_pages * 4096u +
		       (start_info->shared_info ? 4096u : 0);

	check_eq(write(0, 0), 0);			 /* nothing to copy */
	check_eq(write(4, 0), -EFAULT);			 /* NULL */
	check_eq(write(4, 0x00400000), -EFAULT);	 /* unmapped */
	check_eq(write(4, 0xF8100000), -EFAULT);	 /* the VMM's code */
	check_eq(write(4, 0xFFFFFFFE), -EFAULT);	 /* wraps around */
	check_eq(write(4, end - 2), -EFAULT);		 /* runs off the end */
	check_eq(write(0xFFFFFFFF, 0xC0000000), -E2BIG); /* huge */
}

static void commands(void)
{
	struct sched_shutdown bad_reason = { 99 };

	check_eq(HYPERVISOR_console_io(7, 1, "x"), -ENOSYS);
	check_eq(_hypercall1(63, 0), -ENOSYS);	 /* not registered */
	check_eq(_hypercall1(4096, 0), -ENOSYS); /* past the table */
	check_eq(HYPERVISOR_sched_op(77, 0), -ENOSYS);
	check_eq(HYPERVISOR_sched_op(SCHEDOP_shutdown, (void *)0xF8000000),
		 -EFAULT);
	check_eq(HYPERVISOR_sched_op(SCHEDOP_shutdown, &bad_reason), -EINVAL);
}

static void output(void)
{
	static const char ctl[] = "ctl:\x1b[2J\r\aend\n";
	char line[201];

	check_eq(write(sizeof(ctl) - 1, (uint32_t)ctl), 0);
	for (int i = 0; i < 200; i++)
		line[i] = 'x';
	line[200] = '\n';
	check_eq(write(201, (uint32_t)line), 0);
}

void test_main(void)
{
	pointers();
	commands();
	output();
	xtf_success("all refused as documented; still running");
}
