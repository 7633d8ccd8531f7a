/* debug/regs.c: a thread's registers in gdb's x86-64 numbering, and the target
 * description (target.xml) that tells gdb that numbering. The table below drives both. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/user_mode.h>
#include <debug/session.h>
#include <process/thread.h>

/* Where a register's value lives. */
enum reg_src { SRC_GPR, SRC_CONST, SRC_FX, SRC_FTAG };

struct reg_desc {
	const char *name;
	uint8_t size;           /* bytes */
	uint8_t src;
	uint16_t off;           /* SRC_GPR: offset in user_regs; SRC_FX: in the FXSAVE image */
	uint64_t value;         /* SRC_CONST */
	const char *type;
	const char *feature;
};

#define GPR(n, t) { #n, 8, SRC_GPR, offsetof(struct user_regs, n), 0, t, CORE }
#define SEG(n, v) { #n, 4, SRC_CONST, 0, v, "int32", CORE }
#define ST(i)     { "st" #i, 10, SRC_FX, 32 + 16 * i, 0, "i387_ext", CORE }
#define XMM(i)    { "xmm" #i, 16, SRC_FX, 160 + 16 * i, 0, "uint128", SSE }
#define CORE "core"
#define SSE "sse"

/* The FXSAVE image (first 512 bytes of the XSAVE layout): FCW 0, FSW 2, abridged FTW 4,
 * FOP 6, FIP 8, FDP 16, MXCSR 24, ST0-7 from 32, XMM0-15 from 160. */
static const struct reg_desc debug_regs[DEBUG_REGS_COUNT] = {
	GPR(rax, "int64"), GPR(rbx, "int64"), GPR(rcx, "int64"), GPR(rdx, "int64"),
	GPR(rsi, "int64"), GPR(rdi, "int64"), GPR(rbp, "data_ptr"), GPR(rsp, "data_ptr"),
	GPR(r8, "int64"), GPR(r9, "int64"), GPR(r10, "int64"), GPR(r11, "int64"),
	GPR(r12, "int64"), GPR(r13, "int64"), GPR(r14, "int64"), GPR(r15, "int64"),
	GPR(rip, "code_ptr"),
	{ "eflags", 4, SRC_GPR, offsetof(struct user_regs, rflags), 0, "int32", CORE },
	/* Linux's user segments on x86-64. */
	SEG(cs, 0x33), SEG(ss, 0x2b), SEG(ds, 0), SEG(es, 0), SEG(fs, 0), SEG(gs, 0),
	ST(0), ST(1), ST(2), ST(3), ST(4), ST(5), ST(6), ST(7),
	{ "fctrl", 4, SRC_FX, 0, 0, "int", CORE },
	{ "fstat", 4, SRC_FX, 2, 0, "int", CORE },
	{ "ftag", 4, SRC_FTAG, 4, 0, "int", CORE },
	{ "fiseg", 4, SRC_CONST, 0, 0, "int", CORE },
	{ "fioff", 4, SRC_FX, 8, 0, "int", CORE },
	{ "foseg", 4, SRC_CONST, 0, 0, "int", CORE },
	{ "fooff", 4, SRC_FX, 16, 0, "int", CORE },
	{ "fop", 4, SRC_FX, 6, 0, "int", CORE },
	XMM(0), XMM(1), XMM(2), XMM(3), XMM(4), XMM(5), XMM(6), XMM(7),
	XMM(8), XMM(9), XMM(10), XMM(11), XMM(12), XMM(13), XMM(14), XMM(15),
	{ "mxcsr", 4, SRC_FX, 24, 0, "int", SSE },
	/* orig_rax: -1, "not in a syscall", at every stop we report. */
	{ "orig_rax", 8, SRC_CONST, 0, ~0ull, "int", "linux" },
	{ "fs_base", 8, SRC_GPR, offsetof(struct user_regs, fs_base), 0, "int", "segments" },
	{ "gs_base", 8, SRC_CONST, 0, 0, "int", "segments" },
};

/* The 16-bit FP size (in bytes) of the FX parts gdb shows as 32-bit registers. */
static size_t fx_bytes(const struct reg_desc *d)
{
	if (d->size != 4)
		return d->size;
	return d->off == 8 || d->off == 16 || d->off == 24 ? 4 : 2;
}

size_t debug_reg_size(unsigned int regno)
{
	return regno < DEBUG_REGS_COUNT ? debug_regs[regno].size : 0;
}

/* t's FXSAVE image in s->fp, or false when the engine cannot give it (then FP reads 0). */
static bool fp_load(struct debug_session *s, struct thread *t)
{
	ssize_t n = user_context_get_fpstate(&t->ctx, s->fp, sizeof(s->fp));

	return n >= 512;
}

/* The full 16-bit tag word from the abridged one: a used register reads as valid (00),
 * which is what gdb needs to show its value. */
static uint32_t ftag_full(uint8_t abridged)
{
	uint32_t tag = 0;

	for (int i = 0; i < 8; i++)
		if (!(abridged & (1u << i)))
			tag |= 3u << (2 * i);
	return tag;
}

static void reg_get(const struct reg_desc *d, const struct thread *t, const uint8_t *fx,
		    uint8_t *out)
{
	uint64_t v = 0;

	memset(out, 0, d->size);
	switch (d->src) {
	case SRC_GPR:
		memcpy(out, (const uint8_t *)&t->ctx.regs + d->off, d->size);
		return;
	case SRC_CONST:
		v = d->value;
		memcpy(out, &v, d->size);
		return;
	case SRC_FTAG:
		if (fx) {
			v = ftag_full(fx[4]);
			memcpy(out, &v, d->size);
		}
		return;
	default:
		if (fx)
			memcpy(out, fx + d->off, fx_bytes(d));
		return;
	}
}

size_t debug_regs_read_all(struct debug_session *s, struct thread *t, uint8_t *out)
{
	const uint8_t *fx = fp_load(s, t) ? s->fp : NULL;
	size_t len = 0;

	for (unsigned int i = 0; i < DEBUG_REGS_COUNT; i++) {
		reg_get(&debug_regs[i], t, fx, out + len);
		len += debug_regs[i].size;
	}
	return len;
}

ssize_t debug_reg_read(struct debug_session *s, struct thread *t, unsigned int regno,
		       uint8_t *out)
{
	const struct reg_desc *d;

	if (regno >= DEBUG_REGS_COUNT)
		return -EINVAL;
	d = &debug_regs[regno];
	reg_get(d, t, d->src == SRC_FX || d->src == SRC_FTAG ? (fp_load(s, t) ? s->fp : NULL)
							      : NULL, out);
	return d->size;
}

/* FP registers: read the image, patch it, hand it back (the engine checks it). */
static int reg_set_fx(struct debug_session *s, struct thread *t, const struct reg_desc *d,
		      const uint8_t *val)
{
	ssize_t n = user_context_get_fpstate(&t->ctx, s->fp, sizeof(s->fp));

	if (n < 512)
		return -EIO;
	if (d->src == SRC_FTAG) {
		uint8_t abridged = 0;
		uint32_t tag;

		memcpy(&tag, val, 4);
		for (int i = 0; i < 8; i++)
			if (((tag >> (2 * i)) & 3) != 3)
				abridged |= (uint8_t)(1u << i);
		s->fp[4] = abridged;
	} else {
		memcpy(s->fp + d->off, val, fx_bytes(d));
	}
	return user_context_set_fpstate(&t->ctx, s->fp, (size_t)n);
}

int debug_reg_write(struct debug_session *s, struct thread *t, unsigned int regno,
		    const uint8_t *val, size_t n)
{
	const struct reg_desc *d;
	uint64_t v = 0;

	if (regno >= DEBUG_REGS_COUNT || n != debug_regs[regno].size)
		return -EINVAL;
	d = &debug_regs[regno];
	switch (d->src) {
	case SRC_GPR:
		/* eflags is 4 bytes wide for gdb: the upper half of rflags stays zero. */
		memcpy(&v, val, n);
		memcpy((uint8_t *)&t->ctx.regs + d->off, &v, 8);
		return 0;
	case SRC_CONST:
		return 0;
	default:
		return reg_set_fx(s, t, d, val);
	}
}

/* Appends to buf[*len..size) what fmt says; false when it did not fit. */
static bool xml_put(char *buf, size_t size, size_t *len, const char *a, const char *b,
		    const char *c)
{
	int n = ksnprintf(buf + *len, size - *len, "%s%s%s", a, b, c);

	if (n < 0 || (size_t)n >= size - *len)
		return false;
	*len += (size_t)n;
	return true;
}

static bool xml_reg(char *buf, size_t size, size_t *len, const struct reg_desc *d)
{
	int n = ksnprintf(buf + *len, size - *len,
			  "<reg name=\"%s\" bitsize=\"%u\" type=\"%s\"/>\n", d->name,
			  (unsigned int)d->size * 8, d->type);

	if (n < 0 || (size_t)n >= size - *len)
		return false;
	*len += (size_t)n;
	return true;
}

/* Built once: one <feature> per group of consecutive registers. */
static bool xml_build(char *buf, size_t size, size_t *len)
{
	const char *open = NULL;
	bool ok = xml_put(buf, size, len, "<?xml version=\"1.0\"?>\n",
			  "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target>\n",
			  "<architecture>i386:x86-64</architecture>\n<osabi>GNU/Linux</osabi>\n");

	for (unsigned int i = 0; ok && i < DEBUG_REGS_COUNT; i++) {
		const struct reg_desc *d = &debug_regs[i];

		if (!open || strcmp(open, d->feature) != 0) {
			if (open)
				ok = xml_put(buf, size, len, "</feature>\n", "", "");
			ok = ok && xml_put(buf, size, len, "<feature name=\"org.gnu.gdb.i386.",
					   d->feature, "\">\n");
			open = d->feature;
		}
		ok = ok && xml_reg(buf, size, len, d);
	}
	return ok && xml_put(buf, size, len, "</feature>\n", "</target>\n", "");
}

const char *debug_target_xml(size_t *len)
{
	static char xml[6144];
	static size_t xml_len;

	if (!xml_len && !xml_build(xml, sizeof(xml), &xml_len))
		xml_len = 0;
	*len = xml_len;
	return xml;
}
