/*
 * Boot modules -> domains. Each Multiboot module is a guest kernel image
 * with a command line "<image path> [mem=<size>] [guest arguments...]";
 * module i becomes domain i. A module that cannot become a domain is
 * refused with a one-line reason, and the others go on.
 */
#include <lib/string.h>
#include <vmm/builder.h>
#include <lib/cmdline.h>
#include <vmm/memlayout.h>
#include <vmm/modules.h>
#include <vmm/printk.h>

#define DEFAULT_MEM (4U << 20)

/* Fills in cfg from a module's command line; returns NULL or the reason
 * to refuse it. */
static const char *parse_module(const struct multiboot_module *m,
				struct domain_config *cfg)
{
	const char *s = P2V(m->string), *name = s;
	char mem[16];
	uint32_t bytes = DEFAULT_MEM;

	for (; *s && *s != ' '; s++)
		if (*s == '/')
			name = s + 1;
	memset(cfg->name, 0, sizeof(cfg->name));
	memcpy(cfg->name, name, MIN((size_t)(s - name), sizeof(cfg->name) - 1));
	while (*s == ' ')
		s++;
	cfg->args = s;
	cfg->image = P2V(m->mod_start);
	cfg->image_len = m->mod_end - m->mod_start;
	if (cmdline_get(s, "mem", mem, sizeof(mem)) && parse_size(mem, &bytes))
		return "bad mem= value";
	if (bytes < PAGE_SIZE * 16 || bytes > MAX_DOMAIN_PAGES * PAGE_SIZE)
		return "mem= must be between 64K and 64M";
	cfg->nr_pages = bytes >> PAGE_SHIFT;
	return NULL;
}

void domains_create(const struct multiboot_info *mbi)
{
	const struct multiboot_module *mods = P2V(mbi->mods_addr);
	uint32_t n = (mbi->flags & MBI_MODS) ? mbi->mods_count : 0;

	if (n == 0)
		printk("no boot modules: nothing to run\n");
	for (uint32_t i = 0; i < n; i++) {
		struct domain_config cfg;
		const char *why;

		if (i >= MAX_DOMAINS) {
			printk("module %u ignored: at most %d domains\n", i,
			       MAX_DOMAINS);
			continue;
		}
		why = parse_module(&mods[i], &cfg);
		if (why) {
			struct domain *d = &domains[i];

			d->id = (domid_t)i;
			d->state = DOM_DEAD;
			d->shutdown_reason = -1;
			strlcpy(d->name, cfg.name, sizeof(d->name));
			strlcpy(d->exit_why, "refused: ", sizeof(d->exit_why));
			strlcpy(d->exit_why + 9, why, sizeof(d->exit_why) - 9);
			printk("d%u (%s): %s\n", i, d->name, d->exit_why);
			continue;
		}
		domain_build((domid_t)i, &cfg);
	}
}
