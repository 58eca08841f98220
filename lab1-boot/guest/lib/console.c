/* printf for guests: formats into a line buffer, written through the
 * platform's console on a newline or when full. */
#include <lib/printfmt.h>
#include <guest/console.h>
#include <guest/platform.h>

static char buf[128];
static unsigned len;

void console_flush(void)
{
	if (len)
		platform->console_write(buf, len);
	len = 0;
}

static void putc_buffered(char c, void *arg)
{
	(void)arg;
	buf[len++] = c;
	if (c == '\n' || len == sizeof(buf))
		console_flush();
}

int vprintf(const char *fmt, va_list ap)
{
	return vformat(putc_buffered, 0, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}
