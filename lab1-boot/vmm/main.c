/*
 * The VMM's boot script: each line brings up one subsystem, in the order
 * they depend on each other. entry.S calls start_vmm with paging on and
 * the boot stack in place.
 */
#include <lib/multiboot.h>
#include <lib/cmdline.h>
#include <vmm/console.h>
#include <vmm/frame.h>
#include <vmm/hypercall.h>
#include <vmm/memlayout.h>
#include <vmm/memory.h>
#include <vmm/modules.h>
#include <vmm/paging.h>
#include <vmm/pic.h>
#include <vmm/printk.h>
#include <vmm/registry.h>
#include <vmm/sched.h>
#include <vmm/segments.h>
#include <vmm/selftest.h>
#include <vmm/trap.h>

const char *vmm_cmdline = "";

static void run_initcalls(void)
{
	for_each_entry (initcall, e)
		e->fn();
}

void start_vmm(uint32_t magic, paddr_t mbi_pa)
{
	const struct multiboot_info *mbi = P2V(mbi_pa);
	uint32_t frames_at_boot;
	const char *cmdline = (mbi->flags & MBI_CMDLINE) ? P2V(mbi->cmdline) :
							   "";

	console_init(); /* serial console: printk works */
	printk("xenkit VMM booting\n");
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a Multiboot loader (magic %08x)", magic);
	paging_init();	       /* the VMM's own address space */
	gdt_init();	       /* segments and the TSS */
	idt_init();	       /* every vector caught */
	pic_init();	       /* no IRQ until a lab asks */
	memory_init(mbi);      /* memory map -> free frames */
	hypercall_init();      /* dispatch table */
	vmm_cmdline = cmdline; /* for the INITCALLs */
	run_initcalls();       /* what later labs add */
	selftest_run(cmdline); /* selftest= on the command line */
	frames_at_boot = frames_free();
	domains_create(mbi);	   /* one domain per boot module */
	idle_loop(frames_at_boot); /* run them, then power off */
}
