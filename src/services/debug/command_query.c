/* debug/command_query.c: the commands that ask about the target: q packets (features,
 * target description, threads, attachment), thread selection (H) and liveness (T). */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <debug/command.h>
#include <debug/session.h>
#include <process/process.h>
#include <process/thread.h>

#define FEATURES_PREFIX "qXfer:features:read:target.xml:"

static void cmd_thread_list(struct debug_session *s)
{
	struct process *proc = debug_cmd_process(s);
	bool first = true;

	gdb_reply_char(&s->reply, 'm');
	for (struct thread *t = proc ? proc->threads : NULL; t; t = t->next_in_process) {
		if (!first)
			gdb_reply_char(&s->reply, ',');
		gdb_reply_hex_num(&s->reply, (uint64_t)t->tid);
		first = false;
	}
	if (first)
		gdb_reply_clear(&s->reply), gdb_reply_char(&s->reply, 'l');
}

static void cmd_features(struct debug_session *s, const char *p, const char *end)
{
	uint64_t off, len;
	const char *rest;
	size_t xml_len;
	const char *xml = debug_target_xml(&xml_len);

	if (debug_parse_addr_len(p, end, 0, &off, &len, &rest) || xml_len == 0)
		return debug_reply_error(&s->reply, -EINVAL);
	if (len > GDB_PACKET_MAX / 2)
		len = GDB_PACKET_MAX / 2;
	if (off >= xml_len)
		return gdb_reply_char(&s->reply, 'l');
	if (len > xml_len - off)
		len = xml_len - off;
	gdb_reply_char(&s->reply, off + len == xml_len ? 'l' : 'm');
	gdb_reply_binary(&s->reply, xml + off, len);
}

void debug_cmd_query(struct debug_session *s, const char *p, const char *end)
{
	if (debug_has_prefix(p, "qSupported")) {
		gdb_reply_str(&s->reply, "PacketSize=");
		gdb_reply_hex_num(&s->reply, GDB_PACKET_MAX);
		gdb_reply_str(&s->reply, ";qXfer:features:read+;vContSupported+");
	} else if (debug_has_prefix(p, FEATURES_PREFIX)) {
		cmd_features(s, p + strlen(FEATURES_PREFIX), end);
	} else if (strcmp(p, "qAttached") == 0 || debug_has_prefix(p, "qAttached:")) {
		/* Attached: quitting gdb detaches and the program runs to its end. */
		gdb_reply_char(&s->reply, '1');
	} else if (strcmp(p, "qC") == 0 && s->stopped) {
		gdb_reply_str(&s->reply, "QC");
		gdb_reply_hex_num(&s->reply, (uint64_t)s->stopped->tid);
	} else if (strcmp(p, "qfThreadInfo") == 0) {
		cmd_thread_list(s);
	} else if (strcmp(p, "qsThreadInfo") == 0) {
		gdb_reply_char(&s->reply, 'l');
	} else if (debug_has_prefix(p, "qSymbol")) {
		gdb_reply_str(&s->reply, "OK");
	}
}

void debug_cmd_set_thread(struct debug_session *s, const char *p, const char *end)
{
	int tid;

	if (p >= end || debug_parse_tid(p + 1, end, &tid))
		return debug_reply_error(&s->reply, -EINVAL);
	if (*p == 'g')
		s->reg_tid = tid > 0 ? tid : 0;
	gdb_reply_str(&s->reply, "OK");
}

void debug_cmd_thread_alive(struct debug_session *s, const char *p, const char *end)
{
	struct process *proc = debug_cmd_process(s);
	int tid;

	if (debug_parse_tid(p, end, &tid) || !proc || tid <= 0 || !thread_find_in(proc, tid))
		return debug_reply_error(&s->reply, -ESRCH);
	gdb_reply_str(&s->reply, "OK");
}
