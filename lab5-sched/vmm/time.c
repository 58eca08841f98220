/*
 * System time and the wall clock (vmm/time.h). At boot the VMM measures
 * the TSC against one PIT shot of CAL_TICKS (about 50 ms), halting in
 * between: under -icount with sleep=off a halt skips the idle time at
 * once, so the measurement costs no real time there, and it is exact.
 */
#include <arch/x86.h>
#include <vmm/pit.h>
#include <vmm/printk.h>
#include <vmm/time.h>

#define CAL_TICKS 59659u /* 50 ms of PIT ticks */

uint64_t tsc_hz;
uint64_t time0_tsc;
struct time_scale tsc_scale;
uint32_t wall_sec_at_boot;

static struct time_scale ns_to_tsc_scale;

uint32_t ns_to_tsc32(uint32_t ns)
{
	int sh = ns_to_tsc_scale.shift;
	uint32_t d = sh >= 0 ? ns << sh : ns >> -sh;

	/* One 32x32 multiplication: ns is below 2^26 and shift below 6. */
	return (uint32_t)(((uint64_t)d * ns_to_tsc_scale.mul_frac) >> 32);
}

uint64_t now_ns(void)
{
	return scale_delta(rdtsc() - time0_tsc, tsc_scale.mul_frac,
			   tsc_scale.shift);
}

/* 1 once channel 0's shot is over: its OUT pin, read through the PIT's
 * read-back command (latch the status of channel 0; bit 7 is OUT). */
static int pit_shot_over(void)
{
	outb(0x43, 0xE2);
	return inb(0x40) & 0x80;
}

/* One PIT shot of CAL_TICKS with the CPU halted: TSC ticks it took. The
 * interrupt is taken and acknowledged by vmm/irq.c (no timer is due).
 * The CPU halts again until the shot is really over: an interrupt left
 * pending from before (the firmware's own PIT ticks) would otherwise
 * end the first halt at once and the measurement with it. */
static uint64_t measure_shot(void)
{
	uint64_t t0, t1;

	outb(0x43, 0x30); /* channel 0, low then high byte, mode 0 */
	outb(0x40, CAL_TICKS & 0xFF);
	t0 = rdtsc();
	outb(0x40, CAL_TICKS >> 8); /* the count starts now */
	do
		__asm__ volatile("sti; hlt; cli" : : : "memory");
	while (!pit_shot_over());
	t1 = rdtsc();
	return t1 - t0;
}

/* The CMOS real-time clock. */
static uint8_t cmos(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static unsigned bcd(uint8_t v, int binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 0xF);
}

uint32_t seconds_since_1970(unsigned year, unsigned mon, unsigned day,
			    unsigned hour, unsigned min, unsigned sec)
{
	static const uint16_t before[12] = { 0,	  31,  59,  90,	 120, 151,
					     181, 212, 243, 273, 304, 334 };
	uint32_t days = (year - 1970) * 365 + (year - 1969) / 4;

	days += before[(mon - 1) % 12] + day - 1;
	if (mon > 2 && year % 4 == 0)
		days++; /* 1970-2099: every fourth year is a leap year */
	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}

static uint32_t read_rtc(void)
{
	int binary;

	while (cmos(0x0A) & 0x80)
		; /* an update is in progress: wait for it to end */
	binary = cmos(0x0B) & 0x04;
	return seconds_since_1970(
		2000 + bcd(cmos(0x09), binary), bcd(cmos(0x08), binary),
		bcd(cmos(0x07), binary), bcd(cmos(0x04), binary),
		bcd(cmos(0x02), binary), bcd(cmos(0x00), binary));
}

void time_init(void)
{
	uint64_t ticks;

	pit_irq_enable();
	ticks = measure_shot();
	tsc_hz = udiv64(ticks * PIT_HZ, CAL_TICKS);
	time_scale_for(&tsc_scale, tsc_hz, NSEC_PER_SEC);
	time_scale_for(&ns_to_tsc_scale, NSEC_PER_SEC, tsc_hz);
	wall_sec_at_boot = read_rtc();
	time0_tsc = rdtsc();
	printk("time: TSC %u kHz (%u ticks in one PIT shot of %u), "
	       "wall clock %u s since 1970\n",
	       (uint32_t)udiv64(tsc_hz, 1000), (uint32_t)ticks, CAL_TICKS,
	       wall_sec_at_boot);
}
