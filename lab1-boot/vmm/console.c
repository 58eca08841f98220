/* The 16550 UART on COM1: polled output, no interrupts. */
#include <vmm/console.h>
#include <arch/x86.h>

#define COM1	  0x3f8
#define UART_DATA 0 /* data / divisor low (DLAB=1) */
#define UART_IER  1 /* interrupt enable / divisor high (DLAB=1) */
#define UART_FCR  2 /* FIFO control */
#define UART_LCR  3 /* line control */
#define UART_LSR  5 /* line status */
#define LCR_DLAB  0x80
#define LCR_8N1	  0x03
#define LSR_THRE  0x20 /* transmit holding register empty */

void console_init(void)
{
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DATA, 1); /* 115200 baud */
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_8N1);
	outb(COM1 + UART_FCR, 0x07); /* enable and clear FIFOs */
}

static void uart_put(char c)
{
	for (int i = 0; i < 100000 && !(inb(COM1 + UART_LSR) & LSR_THRE); i++)
		;
	outb(COM1 + UART_DATA, (uint8_t)c);
}

/* A newline becomes CR LF so that a raw terminal shows lines. */
void console_putc(char c)
{
	if (c == '\n')
		uart_put('\r');
	uart_put(c);
}

void console_write(const char *s, size_t n)
{
	while (n--)
		console_putc(*s++);
}
