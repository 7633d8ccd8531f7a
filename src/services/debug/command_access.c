/* debug/command_access.c: the commands that read and write the stopped program:
 * registers (g, G, p, P), memory (m, M, X) and software breakpoints (Z0, z0). Lengths
 * come from the debugger: each is checked against the buffers before use. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <debug/command.h>
#include <debug/session.h>
#include <process/process.h>
#include <process/thread.h>

void debug_cmd_read_registers(struct debug_session *s)
{
	struct thread *t = debug_cmd_reg_thread(s);
	uint8_t img[DEBUG_REGS_IMAGE_MAX];
	size_t n;

	if (!t)
		return debug_reply_error(&s->reply, -ESRCH);
	n = debug_regs_read_all(s, t, img);
	gdb_reply_hex(&s->reply, img, n);
}

/* G: as many whole registers as the image holds, in order. */
void debug_cmd_write_registers(struct debug_session *s, const char *hex, size_t n)
{
	struct thread *t = debug_cmd_reg_thread(s);
	uint8_t img[DEBUG_REGS_IMAGE_MAX];
	size_t bytes = n / 2, off = 0;

	if (!t)
		return debug_reply_error(&s->reply, -ESRCH);
	if (n % 2 || bytes > sizeof(img) || gdb_decode_hex(hex, bytes, img))
		return debug_reply_error(&s->reply, -EINVAL);
	for (unsigned int i = 0; i < DEBUG_REGS_COUNT; i++) {
		size_t sz = debug_reg_size(i);

		if (off + sz > bytes)
			break;
		if (debug_reg_write(s, t, i, img + off, sz))
			return debug_reply_error(&s->reply, -EINVAL);
		off += sz;
	}
	gdb_reply_str(&s->reply, "OK");
}

void debug_cmd_read_register(struct debug_session *s, const char *p, const char *end)
{
	struct thread *t = debug_cmd_reg_thread(s);
	uint8_t val[16];
	uint64_t regno;
	ssize_t n;

	if (gdb_parse_hex(&p, end, &regno) || p != end)
		return debug_reply_error(&s->reply, -EINVAL);
	if (!t)
		return debug_reply_error(&s->reply, -ESRCH);
	/* A register we do not have: empty, so gdb shows it as unavailable. */
	if (regno >= DEBUG_REGS_COUNT)
		return;
	n = debug_reg_read(s, t, (unsigned int)regno, val);
	if (n < 0)
		return debug_reply_error(&s->reply, (int)n);
	gdb_reply_hex(&s->reply, val, (size_t)n);
}

void debug_cmd_write_register(struct debug_session *s, const char *p, const char *end)
{
	struct thread *t = debug_cmd_reg_thread(s);
	uint8_t val[16];
	uint64_t regno;
	size_t hex;

	if (gdb_parse_hex(&p, end, &regno) || p >= end || *p++ != '=')
		return debug_reply_error(&s->reply, -EINVAL);
	hex = (size_t)(end - p);
	if (!t)
		return debug_reply_error(&s->reply, -ESRCH);
	if (regno >= DEBUG_REGS_COUNT || hex != 2 * debug_reg_size((unsigned int)regno) ||
	    gdb_decode_hex(p, hex / 2, val) ||
	    debug_reg_write(s, t, (unsigned int)regno, val, hex / 2))
		return debug_reply_error(&s->reply, -EINVAL);
	gdb_reply_str(&s->reply, "OK");
}

void debug_cmd_read_memory(struct debug_session *s, const char *p, const char *end)
{
	struct process *proc = debug_cmd_process(s);
	uint64_t addr, len;
	const char *rest;
	ssize_t n;

	if (debug_parse_addr_len(p, end, 0, &addr, &len, &rest))
		return debug_reply_error(&s->reply, -EINVAL);
	if (!proc)
		return debug_reply_error(&s->reply, -ESRCH);
	/* Fewer bytes than asked is a valid answer; gdb asks again for the rest. */
	if (len > sizeof(s->mem))
		len = sizeof(s->mem);
	n = debug_mem_read(s, proc, addr, s->mem, len);
	if (n < 0)
		return debug_reply_error(&s->reply, (int)n);
	gdb_reply_hex(&s->reply, s->mem, (size_t)n);
}

/* M (hex) and X (binary) writes. */
void debug_cmd_write_memory(struct debug_session *s, char *p, char *end, bool binary)
{
	struct process *proc = debug_cmd_process(s);
	uint64_t addr, len;
	const char *rest;
	size_t data;
	int err;

	if (debug_parse_addr_len(p, end, ':', &addr, &len, &rest) || len > sizeof(s->mem))
		return debug_reply_error(&s->reply, -EINVAL);
	data = (size_t)(end - rest);
	if (binary) {
		ssize_t m = gdb_unescape((char *)rest, data);

		if (m < 0 || (uint64_t)m != len)
			return debug_reply_error(&s->reply, -EINVAL);
		memcpy(s->mem, rest, len);
	} else if (data != 2 * len || gdb_decode_hex(rest, len, s->mem)) {
		return debug_reply_error(&s->reply, -EINVAL);
	}
	if (!proc)
		return debug_reply_error(&s->reply, -ESRCH);
	err = debug_mem_write(s, proc, addr, s->mem, len);
	if (err)
		return debug_reply_error(&s->reply, err);
	gdb_reply_str(&s->reply, "OK");
}

/* Z0/z0: software breakpoints; other kinds are not supported (empty reply). */
void debug_cmd_breakpoint(struct debug_session *s, const char *p, const char *end,
			  bool set)
{
	struct process *proc = debug_cmd_process(s);
	uint64_t addr, kind;
	const char *rest;
	int err;

	if (end - p < 2 || p[0] != '0' || p[1] != ',')
		return;
	p += 2;
	/* "ADDR,KIND" possibly followed by ";cond..." which we do not take. */
	if (gdb_parse_hex(&p, end, &addr) || p >= end || *p++ != ',' ||
	    gdb_parse_hex(&p, end, &kind))
		return debug_reply_error(&s->reply, -EINVAL);
	rest = p;
	if (rest != end)
		return;
	if (!proc)
		return debug_reply_error(&s->reply, -ESRCH);
	err = set ? debug_bp_insert(s, proc, addr) : debug_bp_remove(s, proc, addr);
	if (err && !(err == -ENOENT && !set))
		return debug_reply_error(&s->reply, err);
	gdb_reply_str(&s->reply, "OK");
}
