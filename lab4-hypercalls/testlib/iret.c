/* The iret hypercall by hand, and at a stack of the caller's choosing,
 * for the tests that attack or measure it (include/guest/events.h). */
#include <guest/console.h>
#include <guest/events.h>
#include <public/xen.h>

void iret_by_hand(uint32_t eflags, uint32_t eax, struct iret_landing *l)
{
	l->lands = 0;
	__asm__ volatile(
		"movl %%esp, %[before]\n\t"
		"pushl %[fl]\n\t"
		"pushl %[cs]\n\t"
		"pushl $1f\n\t"
		"pushl %[eax]\n\t"
		"movl $0x55aa55aa, %%ebx\n\t"
		"movl $0x66bb66bb, %%esi\n\t"
		"movl %[nr], %%eax\n\t"
		"int $0x82\n\t"
		"ud2\n"
		"1:\tpushfl\n\t"
		"cld\n\t"
		"popl %[eflags]\n\t"
		"incl %[lands]\n\t"
		"movl %%esp, %[after]\n\t"
		"movl %%eax, %[out]\n\t"
		"movl %%ebx, %[ebx]\n\t"
		"movl %%esi, %[esi]"
		: [before] "=m"(l->esp_before), [after] "=m"(l->esp_after),
		  [eflags] "=m"(l->eflags), [out] "=m"(l->eax),
		  [ebx] "=m"(l->ebx), [esi] "=m"(l->esi), [lands] "+m"(l->lands)
		: [fl] "r"(eflags), [eax] "r"(eax), [cs] "i"(FLAT_RING1_CS),
		  [nr] "i"(__HYPERVISOR_iret)
		: "eax", "ebx", "esi", "memory", "cc");
}

void iret_at(uint32_t esp)
{
	console_flush();
	__asm__ volatile("movl %0, %%esp\n\t"
			 "movl %1, %%eax\n\t"
			 "int $0x82\n\t"
			 "ud2"
			 :
			 : "r"(esp), "i"(__HYPERVISOR_iret)
			 : "memory");
	__builtin_unreachable();
}
