/*
 * printf-style formatting for the VMM, the guests and the host tests.
 * vformat() parses the format; fmt_number() (exercise 1) renders numbers.
 */
#include <lib/exercise.h>
#include <lib/printfmt.h>
#include <lib/string.h>

int fmt_number(char *buf, uint32_t value, unsigned base, int width, char pad,
	       int upper)
{
	/* BEGIN LAB 1 EXERCISE 1 (fmt_number) */
	static const char lower[] = "0123456789abcdef";
	static const char capital[] = "0123456789ABCDEF";
	const char *digits = upper ? capital : lower;
	char rev[FMT_NUM_MAX];
	int n = 0, len = 0;

	do {
		rev[n++] = digits[value % base];
		value /= base;
	} while (value);
	while (len < width - n)
		buf[len++] = pad;
	while (n)
		buf[len++] = rev[--n];
	return len;
	/* END LAB 1 EXERCISE 1 */
}

/* One conversion's flags, gathered by vformat. */
struct spec {
	int left; /* '-': pad on the right */
	char pad; /* '0' or ' ' */
	int width;
};

static int put_str(void (*put)(char, void *), void *arg, const char *s, int len,
		   const struct spec *sp)
{
	int n = 0;

	if (!sp->left)
		for (; n < sp->width - len; n++)
			put(' ', arg);
	for (int i = 0; i < len; i++, n++)
		put(s[i], arg);
	for (; n < sp->width; n++)
		put(' ', arg);
	return n;
}

static int put_num(void (*put)(char, void *), void *arg, uint32_t v,
		   unsigned base, int upper, int neg, const struct spec *sp)
{
	char buf[FMT_NUM_MAX + 1];
	int width = sp->left ? 0 : sp->width - neg;
	int len;

	if (width > FMT_NUM_MAX)
		width = FMT_NUM_MAX;
	buf[0] = '-';
	len = fmt_number(buf + neg, v, base, sp->pad == '0' ? width : 0, '0',
			 upper) +
	      neg;
	return put_str(put, arg, buf, len, sp);
}

/* Parses one conversion after '%'; returns the format just past it. */
static const char *convert(void (*put)(char, void *), void *arg, const char *f,
			   va_list *ap, int *count)
{
	struct spec sp = { 0, ' ', 0 };
	const char *s;
	int32_t d;

	for (;; f++) {
		if (*f == '-')
			sp.left = 1;
		else if (*f == '0')
			sp.pad = '0';
		else
			break;
	}
	while (*f >= '0' && *f <= '9')
		sp.width = sp.width * 10 + (*f++ - '0');
	while (*f == 'l')
		f++;
	switch (*f) {
	case 'd':
	case 'i':
		d = va_arg(*ap, int32_t);
		*count += put_num(put, arg, d < 0 ? -(uint32_t)d : (uint32_t)d,
				  10, 0, d < 0, &sp);
		break;
	case 'u':
		*count +=
			put_num(put, arg, va_arg(*ap, uint32_t), 10, 0, 0, &sp);
		break;
	case 'x':
	case 'X':
		*count += put_num(put, arg, va_arg(*ap, uint32_t), 16,
				  *f == 'X', 0, &sp);
		break;
	case 'p':
		put('0', arg);
		put('x', arg);
		sp.pad = '0';
		sp.width = 8;
		*count += 2 + put_num(put, arg,
				      (uint32_t)(uintptr_t)va_arg(*ap, void *),
				      16, 0, 0, &sp);
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		*count += put_str(put, arg, s, (int)strlen(s), &sp);
		break;
	case 'c':
		put((char)va_arg(*ap, int), arg);
		*count += 1;
		break;
	case '\0':
		return f;
	default: /* %% and unknown conversions print themselves */
		put(*f, arg);
		*count += 1;
		break;
	}
	return f + 1;
}

int vformat(void (*put)(char, void *), void *arg, const char *fmt, va_list ap)
{
	va_list aq;
	int count = 0;

	va_copy(aq, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(*fmt++, arg);
			count++;
			continue;
		}
		fmt = convert(put, arg, fmt + 1, &aq, &count);
	}
	va_end(aq);
	return count;
}

/* snprintf's sink: keeps room for the terminating NUL. */
struct sbuf {
	char *p;
	size_t left;
};

static void sbuf_put(char c, void *arg)
{
	struct sbuf *b = arg;

	if (b->left > 1) {
		*b->p++ = c;
		b->left--;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sbuf b = { buf, size };
	int n = vformat(sbuf_put, &b, fmt, ap);

	if (size)
		*b.p = '\0';
	return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
