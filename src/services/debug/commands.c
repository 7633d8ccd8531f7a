/* debug/commands.c: the GDB remote protocol commands a stopped program answers (the
 * all-stop subset gdb needs): dispatch, and the requests that resume it. Unknown packets
 * get the empty reply, which tells gdb "not supported". */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <debug/command.h>
#include <debug/session.h>
#include <process/process.h>
#include <process/thread.h>

void debug_reply_error(struct gdb_reply *r, int err)
{
	uint8_t e = (uint8_t)(err < 0 ? -err : err);

	gdb_reply_clear(r);
	gdb_reply_char(r, 'E');
	gdb_reply_hex(r, &e, 1);
}

bool debug_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

struct process *debug_cmd_process(struct debug_session *s)
{
	return process_find(s->pid);
}

struct thread *debug_cmd_reg_thread(struct debug_session *s)
{
	struct process *p = debug_cmd_process(s);
	struct thread *t = p && s->reg_tid > 0 ? thread_find_in(p, s->reg_tid) : NULL;

	return t ? t : s->stopped;
}

int debug_parse_tid(const char *p, const char *end, int *tid)
{
	uint64_t v;

	if (end - p == 2 && p[0] == '-' && p[1] == '1') {
		*tid = -1;
		return 0;
	}
	if (gdb_parse_hex(&p, end, &v) || p != end || v > 0x7fffffff)
		return -EINVAL;
	*tid = (int)v;
	return 0;
}

int debug_parse_addr_len(const char *p, const char *end, char sep, uint64_t *addr,
			 uint64_t *len, const char **rest)
{
	if (gdb_parse_hex(&p, end, addr) || p >= end || *p++ != ',' ||
	    gdb_parse_hex(&p, end, len))
		return -EINVAL;
	if (sep) {
		if (p >= end || *p != sep)
			return -EINVAL;
		p++;
	} else if (p != end) {
		return -EINVAL;
	}
	*rest = p;
	return 0;
}

void debug_reply_stop(struct debug_session *s)
{
	uint8_t sig = (uint8_t)s->stop_signal;

	gdb_reply_clear(&s->reply);
	gdb_reply_char(&s->reply, 'T');
	gdb_reply_hex(&s->reply, &sig, 1);
	if (s->stopped) {
		gdb_reply_str(&s->reply, "thread:");
		gdb_reply_hex_num(&s->reply, (uint64_t)s->stopped->tid);
		gdb_reply_char(&s->reply, ';');
	}
}

/* c/s [ADDR]: resume, from ADDR when given. */
static enum debug_resume cmd_resume(struct debug_session *s, const char *p, const char *end,
				    enum debug_resume how)
{
	uint64_t addr;

	if (p != end) {
		if (gdb_parse_hex(&p, end, &addr) || p != end || !s->stopped) {
			debug_reply_error(&s->reply, -EINVAL);
			return DEBUG_STAY;
		}
		s->stopped->ctx.regs.rip = addr;
	}
	return how;
}

/* vCont;ACTION[:TID]...: all-stop, so the first action that names the stopped thread or
 * no thread decides; C and S (with a signal) act as c and s. */
static enum debug_resume cmd_vcont(struct debug_session *s, const char *p, const char *end)
{
	while (p < end && *p == ';') {
		const char *a = ++p, *colon, *next;
		int tid = -1;

		for (next = a; next < end && *next != ';'; next++)
			;
		for (colon = a; colon < next && *colon != ':'; colon++)
			;
		if (colon < next && debug_parse_tid(colon + 1, next, &tid))
			break;
		if (tid <= 0 || (s->stopped && tid == s->stopped->tid)) {
			if (*a == 's' || *a == 'S')
				return DEBUG_STEP;
			if (*a == 'c' || *a == 'C')
				return DEBUG_CONTINUE;
		}
		p = next;
	}
	debug_reply_error(&s->reply, -EINVAL);
	return DEBUG_STAY;
}

static enum debug_resume cmd_v(struct debug_session *s, const char *p, const char *end)
{
	if (strcmp(p, "vCont?") == 0)
		gdb_reply_str(&s->reply, "vCont;c;C;s;S");
	else if (debug_has_prefix(p, "vCont;"))
		return cmd_vcont(s, p + 5, end);
	else if (debug_has_prefix(p, "vKill"))
		return gdb_reply_str(&s->reply, "OK"), DEBUG_KILL;
	return DEBUG_STAY;
}

enum debug_resume debug_command(struct debug_session *s, char *pkt, size_t n)
{
	char *end = pkt + n;

	gdb_reply_clear(&s->reply);
	if (n == 0)
		return DEBUG_STAY;
	switch (pkt[0]) {
	case '?':
		debug_reply_stop(s);
		break;
	case 'g':
		debug_cmd_read_registers(s);
		break;
	case 'G':
		debug_cmd_write_registers(s, pkt + 1, n - 1);
		break;
	case 'p':
		debug_cmd_read_register(s, pkt + 1, end);
		break;
	case 'P':
		debug_cmd_write_register(s, pkt + 1, end);
		break;
	case 'm':
		debug_cmd_read_memory(s, pkt + 1, end);
		break;
	case 'M':
	case 'X':
		debug_cmd_write_memory(s, pkt + 1, end, pkt[0] == 'X');
		break;
	case 'Z':
	case 'z':
		debug_cmd_breakpoint(s, pkt + 1, end, pkt[0] == 'Z');
		break;
	case 'c':
		return cmd_resume(s, pkt + 1, end, DEBUG_CONTINUE);
	case 's':
		return cmd_resume(s, pkt + 1, end, DEBUG_STEP);
	case 'D':
		gdb_reply_str(&s->reply, "OK");
		return DEBUG_DETACH;
	case 'k':
		return DEBUG_KILL;
	case 'H':
		debug_cmd_set_thread(s, pkt + 1, end);
		break;
	case 'T':
		debug_cmd_thread_alive(s, pkt + 1, end);
		break;
	case 'q':
		debug_cmd_query(s, pkt, end);
		break;
	case 'v':
		return cmd_v(s, pkt, end);
	default:
		break;
	}
	return DEBUG_STAY;
}
