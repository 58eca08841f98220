/*
 * A domain's scheduling parameters, from its boot module's command line
 * (like mem=): mcu_adv=N (BVT's inverse weight, 1..1000, default 10),
 * warp=N (virtual time borrowed when woken, 0..10^9), warpl=US and
 * warpu=US (warp limit and unwarp requirement in microseconds, 0..10^6;
 * 0: none). A value out of range or malformed refuses the domain with
 * the reason; the other domains are built as usual.
 */
#include <lib/cmdline.h>
#include <lib/printfmt.h>
#include <lib/string.h>
#include <vmm/builder.h>
#include <vmm/registry.h>
#include <vmm/runq.h>
#include <vmm/time.h>
#include <vmm/vtimer.h>
#include <public/errno.h>

/* Decimal, no sign, no more than max: 0, or -1. */
static int parse_dec(const char *s, uint32_t max, uint32_t *out)
{
	uint64_t v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (uint32_t)(*s - '0');
		if (v > max)
			return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

/* key=value of args within [min, max] into *out (left alone if key is
 * absent). 0, or -1 with b->why saying which. */
static int param(struct build_info *b, const char *key, uint32_t min,
		 uint32_t max, uint32_t *out)
{
	static char why[80];
	char val[24];

	if (!cmdline_get(b->cfg->args, key, val, sizeof(val)))
		return 0;
	/* A value that filled val may have been cut: refused, not read. */
	if (strlen(val) < sizeof(val) - 1 && parse_dec(val, max, out) == 0 &&
	    *out >= min)
		return 0;
	snprintf(why, sizeof(why), "%s=%s out of range %u..%u", key, val, min,
		 max);
	b->why = why;
	return -1;
}

static int sched_params(struct domain *d, struct build_info *b)
{
	struct bvt *t = &d->vcpu.ext.sched.bvt;
	uint32_t warpl = 0, warpu = 0;

	bvt_init(t);
	vtimer_init(&d->vcpu);
	d->vcpu.ext.sched.born = now_ns();
	if (param(b, "mcu_adv", 1, BVT_MCU_ADVANCE_MAX, &t->mcu_advance) ||
	    param(b, "warp", 0, BVT_WARP_MAX, &t->warp) ||
	    param(b, "warpl", 0, 1000000, &warpl) ||
	    param(b, "warpu", 0, 1000000, &warpu))
		return -EINVAL;
	t->warp_limit = warpl * NSEC_PER_USEC;
	t->unwarp_req = warpu * NSEC_PER_USEC;
	return 0;
}
BUILD_STEP(15, sched_params);
