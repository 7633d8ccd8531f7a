/* debug/command.h: the GDB protocol command handlers, split by what they touch
 * (commands.c dispatches and resumes, command_access.c reads and writes the program,
 * command_query.c answers queries), and the parsing helpers they share. Each handler
 * leaves its reply in s->reply. */
#ifndef SERVICES_DEBUG_COMMAND_H
#define SERVICES_DEBUG_COMMAND_H

#include <ostd/types.h>
#include <debug/session.h>

struct process;
struct thread;

/* "Exx" with err's value (negative errno or positive). */
void debug_reply_error(struct gdb_reply *r, int err);
bool debug_has_prefix(const char *s, const char *prefix);
/* The debugged process, or NULL once it is gone. */
struct process *debug_cmd_process(struct debug_session *s);
/* The thread registers are about: Hg's choice if it still exists, else the stopped one. */
struct thread *debug_cmd_reg_thread(struct debug_session *s);
/* A thread id: "-1" (all), "0" (any) or hex; -EINVAL otherwise. */
int debug_parse_tid(const char *p, const char *end, int *tid);
/* "ADDR,LEN" then sep (or the end when sep is 0); the rest after sep in *rest. */
int debug_parse_addr_len(const char *p, const char *end, char sep, uint64_t *addr,
			 uint64_t *len, const char **rest);

/* g, G, p, P, m, M/X, Z0/z0: p..end is the packet after its letter. */
void debug_cmd_read_registers(struct debug_session *s);
void debug_cmd_write_registers(struct debug_session *s, const char *hex, size_t n);
void debug_cmd_read_register(struct debug_session *s, const char *p, const char *end);
void debug_cmd_write_register(struct debug_session *s, const char *p, const char *end);
void debug_cmd_read_memory(struct debug_session *s, const char *p, const char *end);
void debug_cmd_write_memory(struct debug_session *s, char *p, char *end, bool binary);
void debug_cmd_breakpoint(struct debug_session *s, const char *p, const char *end, bool set);

/* q packets (p..end is the whole packet), H and T (after their letter). */
void debug_cmd_query(struct debug_session *s, const char *p, const char *end);
void debug_cmd_set_thread(struct debug_session *s, const char *p, const char *end);
void debug_cmd_thread_alive(struct debug_session *s, const char *p, const char *end);

#endif
