/*
 * stress: thousands of random page-table operations (a deterministic
 * xorshift generator, seed=N on the command line, ops=N of them), each
 * checked against a model of the rules that this guest keeps itself: for
 * a pool of 24 pages and the initial tables (our L2 and the kernel's L1s)
 * the model tracks each frame's type and type count, its pin, its
 * contents and how the kernel maps it, and predicts the exact result of
 * every operation:
 *  - update_va_mapping of a pool page's kernel address (writable,
 *    read-only, unmapped);
 *  - mmu_update of an entry (L1 entries 0..7, L2 slots 0..7 and 256..259)
 *    of a pool page or of our initial L2, with a random value: not
 *    present, a pool page or a page table read-only or writable, a VMM
 *    frame, disallowed bits;
 *  - pin as an L1 or an L2, unpin; new base pointer to a pool page that
 *    holds the kernel's L2 entries (or to the initial L2);
 *  - writes into pool pages that are not tables (random entries, the
 *    kernel's L2 entries, all zero);
 *  - reads of pool pages, compared with the model's contents (the VMM's
 *    hole slots included, written when a page became an L2), and reads
 *    and writes through the mappings at 0x40000000 of the L2 in use.
 * The first result the model did not predict is a FAILURE. Then, with
 * end=clean (the default): back to the initial L2, every pin undone, the
 * initial L2's slots cleared; every pool page must then map writable, and
 * (zeroed and read-only) pin as an L1 and unpin, which works only if no
 * type reference was left behind. With end=dirty the guest shuts down
 * with everything in place. Either way the VMM must free every frame at
 * power off (no LEAK, no panic freeing a frame still referenced).
 */
#include <lib/string.h>
#include <guest/pt.h>
#include <guest/test.h>

const char test_title[] = "random page-table operations against a model";

#define N	   24
#define NFIXED	   4		     /* our L2, the L1s of slots 768, 769, 32 */
#define BAD_BITS   (PTE_PAT | PTE_G) /* PS in an L2: the same bit */
#define ATTR	   (PTE_A | PTE_D)
#define HOLE_ENTRY 960

enum { T_NONE, T_W, T_L1, T_L2 };

struct mf {
	uint32_t pfn, mfn;
	int type, pinned, fixed;
	uint32_t tc;	    /* type count */
	uint32_t kva;	    /* the kernel's mapping: 0, PTE_RO, PTE_RW */
	uint32_t raw[1024]; /* contents (pool pages) */
};

static struct mf f[N + NFIXED];
static struct mf *const i0 = &f[N]; /* the initial L2 */
static struct mf *base;
static uint32_t hole[64], seed;
static const unsigned idx[] = { 0, 1, 2, 3, 4, 5, 6, 7, 256, 257, 258, 259 };
static const unsigned kslots[] = { 768, 769, 32 };
static const char *const names[] = {
	"update_va_mapping", "mmu_update", "pin", "unpin",
	"new_baseptr",	     "cleanup"
};
static unsigned done[6], refused[6];
static int op;

static uint32_t rnd(uint32_t n)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed % n;
}

static struct mf *frame(uint32_t mfn)
{
	for (int i = 0; i < N + NFIXED; i++)
		if (f[i].mfn == mfn)
			return &f[i];
	return 0;
}

/* ---- the model: mm.h's rules, written again ---- */

static int type_get(struct mf *m, int type);
static void type_put(struct mf *m);

static int entry_get(uint32_t e, int level)
{
	struct mf *t;

	if (!(e & PTE_P))
		return 0;
	if (e & BAD_BITS)
		return -EINVAL;
	t = frame(e >> 12);
	if (!t)
		return -EPERM;
	if (level == T_L2)
		return type_get(t, T_L1);
	return (e & PTE_W) ? type_get(t, T_W) : 0;
}

static void entry_put(uint32_t e, int level)
{
	if (!(e & PTE_P))
		return;
	if (level == T_L2 || (e & PTE_W))
		type_put(frame(e >> 12));
}

static int type_get(struct mf *m, int type)
{
	unsigned n = type == T_L2 ? HOLE_ENTRY : 1024;

	if (m->tc) {
		if (m->type != type)
			return -EBUSY;
		m->tc++;
		return 0;
	}
	if (m->fixed && type != T_W)
		xtf_error("model: a fixed table would be validated");
	m->type = type;
	m->tc = 1;
	if (type == T_W || type == T_NONE)
		return 0;
	for (unsigned i = 0; i < n; i++) {
		int rc = entry_get(m->raw[i], type);

		if (rc) {
			while (i--)
				entry_put(m->raw[i], type);
			m->type = T_NONE;
			m->tc = 0;
			return rc;
		}
	}
	if (type == T_L2)
		memcpy(&m->raw[HOLE_ENTRY], hole, sizeof(hole));
	return 0;
}

static void type_put(struct mf *m)
{
	if (!m || !m->tc) {
		xtf_error("model: a type count below 0");
		test_end();
	}
	if (--m->tc)
		return;
	if (m->type == T_L1 || m->type == T_L2)
		for (unsigned i = 0; i < (m->type == T_L2 ? HOLE_ENTRY : 1024u);
		     i++)
			entry_put(m->raw[i], m->type);
	m->type = T_NONE;
}

static int is_table(const struct mf *m)
{
	return m->tc && (m->type == T_L1 || m->type == T_L2);
}

static int model_set(struct mf *m, unsigned i, uint32_t v)
{
	uint32_t old = m->raw[i];
	int rc;

	if (!is_table(m))
		return -EINVAL;
	rc = entry_get(v, m->type);
	if (rc)
		return rc;
	m->raw[i] = v;
	entry_put(old, m->type);
	return 0;
}

static int model_kmap(struct mf *m, uint32_t flags)
{
	int rc = entry_get(flags ? pte(m->mfn, flags) : 0, T_L1);

	if (rc)
		return rc;
	entry_put(m->kva ? pte(m->mfn, m->kva) : 0, T_L1);
	m->kva = flags;
	return 0;
}

static int model_pin(struct mf *m, int type)
{
	int rc;

	if (m->pinned)
		return -EINVAL;
	rc = type_get(m, type);
	if (!rc)
		m->pinned = 1;
	return rc;
}

static int model_unpin(struct mf *m)
{
	if (!m->pinned)
		return -EINVAL;
	m->pinned = 0;
	type_put(m);
	return 0;
}

static int model_base(struct mf *m)
{
	int rc = type_get(m, T_L2);

	if (!rc) {
		type_put(base);
		base = m;
	}
	return rc;
}

/* ---- operations on the VMM and the model at once ---- */

static int expect(long got, int want, const char *what, struct mf *m,
		  uint32_t a, uint32_t b)
{
	if (got == want) {
		if (got == 0)
			done[op]++;
		else
			refused[op]++;
		return 0;
	}
	xtf_failure("%s %s (pfn %x, %x, %x): %ld, the model says %d", names[op],
		    what, m->pfn, a, b, got, want);
	return 1;
}

/* A value for an entry: mostly pages of the pool, read-only or not. */
static uint32_t value(void)
{
	uint32_t r = rnd(100), extra = rnd(4) == 0 ? PTE_U | PTE_A : 0;
	struct mf *t = &f[rnd(N)];

	if (r < 12)
		return 0;
	if (r < 70)
		return pte(t->mfn, (rnd(2) ? PTE_RW : PTE_RO) | extra);
	if (r < 82) {
		t = &f[N + rnd(NFIXED)];
		return pte(t->mfn, rnd(2) ? PTE_RW : PTE_RO);
	}
	if (r < 87)
		return pte(0x100, PTE_RO);
	if (r < 94)
		return pte(t->mfn, PTE_RW | (rnd(2) ? PTE_PAT : PTE_G));
	return rnd(0x7FFFFFFF) << 1; /* not present */
}

static int prepared(const struct mf *m)
{
	for (unsigned i = 0; i < 3; i++)
		if ((m->raw[kslots[i]] ^ i0->raw[kslots[i]]) & ~ATTR)
			return 0;
	return 1;
}

static int op_verify(struct mf *m)
{
	const volatile uint32_t *p = (const uint32_t *)KVA(m->pfn);

	if (!m->kva || m->fixed)
		return 0;
	for (unsigned i = 0; i < 1024; i++) {
		if (i >= 100 && i < 200)
			continue; /* written through mappings */
		if ((p[i] ^ m->raw[i]) & ~ATTR) {
			xtf_failure("pfn %x word %u is %x, the model says %x",
				    m->pfn, i, p[i], m->raw[i]);
			return 1;
		}
	}
	return 0;
}

/* Through slot s of the L2 in use and entry i of its L1. */
static int op_access(void)
{
	unsigned s = 256 + rnd(4), i = rnd(8), w = 100 + rnd(100);
	uint32_t l2e = base->raw[s], l1e, va = SLOT_VA(s) + i * 4096;
	struct mf *t, *g;

	if (!(l2e & PTE_P))
		return 0;
	t = frame(l2e >> 12);
	l1e = t->raw[i];
	if (!(l1e & PTE_P))
		return 0;
	g = frame(l1e >> 12);
	if (g->kva &&
	    *(volatile uint32_t *)va != *(volatile uint32_t *)KVA(g->pfn)) {
		xtf_failure("%x does not show pfn %x", va, g->pfn);
		return 1;
	}
	if ((l2e & PTE_W) && (l1e & PTE_W)) {
		uint32_t v = rnd(0x7FFFFFFF) << 1;

		((volatile uint32_t *)va)[w] = v;
		if (g->kva && ((volatile uint32_t *)KVA(g->pfn))[w] != v) {
			xtf_failure("a write to %x did not reach pfn %x", va,
				    g->pfn);
			return 1;
		}
	}
	return 0;
}

/* Mostly a pool page that is a page table now (pinned, if `pinned`),
 * else any. */
static struct mf *pick_table(int pinned)
{
	struct mf *t[N];
	unsigned n = 0;

	for (int i = 0; i < N; i++)
		if (is_table(&f[i]) && (!pinned || f[i].pinned))
			t[n++] = &f[i];
	return n && rnd(10) < 7 ? t[rnd(n)] : &f[rnd(N)];
}

static int step(void)
{
	uint32_t r = rnd(100), v;
	struct mf *m = &f[rnd(N)];
	unsigned i = idx[rnd(12)];
	int want;

	if (r < 20) {
		static const uint32_t modes[] = { PTE_RW, PTE_RO, 0 };

		v = modes[rnd(3)];
		op = 0;
		want = model_kmap(m, v);
		return expect(kmap(m->pfn, v), want, "kernel address", m, v, 0);
	}
	if (r < 48) {
		m = rnd(6) == 0 ? i0 : pick_table(0);
		v = value();
		op = 1;
		want = model_set(m, i, v);
		return expect(set_entry(m->pfn, i, v), want, "entry", m, i, v);
	}
	if (r < 58) {
		int l2 = rnd(2);

		if (rnd(8) == 0)
			m = &f[N + 1]; /* the kernel's L1 */
		op = 2;
		want = model_pin(m, l2 ? T_L2 : T_L1);
		return expect(mmuext_one(l2 ? MMUEXT_PIN_L2_TABLE :
					      MMUEXT_PIN_L1_TABLE,
					 m->mfn),
			      want, l2 ? "as L2" : "as L1", m, 0, 0);
	}
	if (r < 68) {
		m = rnd(8) == 0 ? &f[N + 1] : pick_table(1);
		op = 3;
		want = model_unpin(m);
		return expect(mmuext_one(MMUEXT_UNPIN_TABLE, m->mfn), want, "",
			      m, 0, 0);
	}
	if (r < 76) {
		if (rnd(4) == 0)
			m = i0;
		if (!prepared(m))
			return 0;
		op = 4;
		want = model_base(m);
		return expect(base_switch(m->pfn), want, "", m, 0, 0);
	}
	if (r < 88) {
		if (m->kva != PTE_RW)
			return 0;
		if (r < 82) {
			v = value();
			((volatile uint32_t *)KVA(m->pfn))[i] = v;
			m->raw[i] = v;
		} else if (r < 86) {
			for (unsigned k = 0; k < 3; k++) {
				v = i0->raw[kslots[k]];
				((volatile uint32_t *)KVA(m->pfn))[kslots[k]] =
					v;
				m->raw[kslots[k]] = v;
			}
		} else {
			memset((void *)KVA(m->pfn), 0, 4096);
			memset(m->raw, 0, sizeof(m->raw));
		}
		return 0;
	}
	if (r < 95)
		return op_verify(m);
	return op_access();
}

static void setup(void)
{
	uint32_t l2 = l2_initial();

	for (int i = 0; i < N; i++) {
		f[i].pfn = page_get();
		f[i].mfn = pfn_to_mfn(f[i].pfn);
		f[i].type = T_W;
		f[i].tc = 1;
		f[i].kva = PTE_RW;
	}
	i0->pfn = l2;
	i0->mfn = pfn_to_mfn(l2);
	i0->type = T_L2;
	i0->tc = 2; /* the base and the pin */
	i0->pinned = 1;
	i0->fixed = 1;
	i0->kva = PTE_RO;
	for (unsigned i = 0; i < 1024; i++)
		i0->raw[i] = entry(l2, i);
	memcpy(hole, &i0->raw[HOLE_ENTRY], sizeof(hole));
	for (unsigned k = 0; k < 3; k++) {
		struct mf *m = &f[N + 1 + k];

		m->mfn = i0->raw[kslots[k]] >> 12;
		m->pfn = machine_to_phys[m->mfn];
		m->type = T_L1;
		m->tc = 1;
		m->fixed = 1;
		m->kva = PTE_RO;
	}
	base = i0;
}

/* Everything undone: then each pool page must be an ordinary page. */
static void clean(void)
{
	op = 5;
	if (base != i0 &&
	    expect(base_switch(i0->pfn), model_base(i0), "base", i0, 0, 0))
		return;
	for (int i = 0; i < N + NFIXED; i++)
		if (&f[i] != i0 && f[i].pinned &&
		    expect(mmuext_one(MMUEXT_UNPIN_TABLE, f[i].mfn),
			   model_unpin(&f[i]), "unpin", &f[i], 0, 0))
			return;
	for (unsigned k = 0; k < 12; k++)
		if (expect(set_entry(i0->pfn, idx[k], 0),
			   model_set(i0, idx[k], 0), "clear", i0, idx[k], 0))
			return;
	for (int i = 0; i < N; i++) {
		struct mf *m = &f[i];

		if (is_table(m))
			xtf_error("model: pfn %x is still a table", m->pfn);
		check_eq(kmap(m->pfn, PTE_RW), 0);
		memset((void *)KVA(m->pfn), 0, 4096);
		check_eq(kmap(m->pfn, PTE_RO), 0);
		check_eq(mmuext_one(MMUEXT_PIN_L1_TABLE, m->mfn), 0);
		check_eq(mmuext_one(MMUEXT_UNPIN_TABLE, m->mfn), 0);
		check_eq(kmap(m->pfn, PTE_RW), 0);
	}
	printf("cleaned up: every pin undone, every pool page an ordinary "
	       "page again\n");
}

void test_main(void)
{
	char end[8] = "clean";
	uint32_t ops = test_arg_num("ops", 4000);

	seed = test_arg_num("seed", 1) * 2654435761u + 1;
	test_arg("end", end, sizeof(end));
	setup();
	for (uint32_t n = 0; n < ops; n++)
		if (step()) {
			printf("after %u operations\n", n);
			return;
		}
	for (int k = 0; k < 5; k++)
		printf("%s: %u done, %u refused as predicted\n", names[k],
		       done[k], refused[k]);
	if (!strcmp(end, "clean"))
		clean();
	else
		printf("shutting down with %s in place\n",
		       base == i0 ? "the tables" :
				    "another base and the tables");
	xtf_success("every operation as the model said");
}
