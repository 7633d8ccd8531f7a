/* debug/session.h: the state of one debugging session and the parts that serve it:
 * commands, registers, memory and breakpoints. One debugger, one debugged process. */
#ifndef SERVICES_DEBUG_SESSION_H
#define SERVICES_DEBUG_SESSION_H

#include <ostd/types.h>
#include <ostd/user_mode.h>
#include <debug/packet.h>

struct process;
struct thread;

#define DEBUG_BREAKPOINTS_MAX 64
#define DEBUG_INBUF 512
#define DEBUG_INT3 0xcc
#define DEBUG_RFLAGS_TF 0x100ull
#define DEBUG_SIGTRAP 5
#define DEBUG_SIGINT 2

struct debug_breakpoint {
	uaddr_t addr;
	uint8_t saved;       /* the program's byte under the int3 */
	bool used;           /* the int3 is in the debugged process's memory */
	bool known;          /* was used: a child forked meanwhile may still hold the int3 */
};

/* What the debugger asked the stopped program to do next. */
enum debug_resume {
	DEBUG_STAY,          /* keep serving packets */
	DEBUG_CONTINUE,
	DEBUG_STEP,
	DEBUG_DETACH,        /* breakpoints gone, the program runs on alone */
	DEBUG_KILL,
};

struct debug_session {
	bool started;        /* the first stop happened (there is only one session) */
	bool attached;       /* a debugger is in control */
	int pid;             /* the debugged process */
	struct thread *stopped;   /* the thread whose stop was reported last */
	int stop_signal;
	int reg_tid;         /* the thread 'Hg' chose for registers; 0: the stopped one */
	bool stepping;       /* we set TF on step_tid */
	int step_tid;
	bool step_then_continue;  /* the step only lifted a breakpoint: continue after it */
	uaddr_t reinsert;    /* a breakpoint lifted for a step, put back after it (0: none) */
	struct debug_breakpoint bps[DEBUG_BREAKPOINTS_MAX];
	struct gdb_rx rx;
	struct gdb_reply reply;
	char out[GDB_REPLY_MAX + 4];   /* the last framed reply, resent on '-' */
	size_t out_len;
	char in[DEBUG_INBUF];          /* bytes read but not yet fed */
	size_t in_pos, in_len;
	uint8_t fp[USER_FPSTATE_MAX];  /* scratch for the FP registers */
	uint8_t mem[GDB_PACKET_MAX];   /* scratch for memory packets */
};

/* The one session; zeroed at boot. */
extern struct debug_session debug_session;
/* Forgets everything (tests). */
void debug_session_reset(struct debug_session *s);

/* Handles one packet payload (NUL-terminated, n bytes, may be modified); the reply is
 * left in s->reply. */
enum debug_resume debug_command(struct debug_session *s, char *pkt, size_t n);
/* The stop reply for the current stop ("T05thread:1;"). */
void debug_reply_stop(struct debug_session *s);

/* Registers in gdb's x86-64 numbering (the order of target.xml). */
#define DEBUG_REGS_COUNT 60
/* The size of register regno, or 0 when there is none. */
size_t debug_reg_size(unsigned int regno);
/* The whole 'g' image: its size. out holds at least DEBUG_REGS_IMAGE_MAX bytes. */
#define DEBUG_REGS_IMAGE_MAX 640
size_t debug_regs_read_all(struct debug_session *s, struct thread *t, uint8_t *out);
/* Register regno of t into out: its size, or -EINVAL. */
ssize_t debug_reg_read(struct debug_session *s, struct thread *t, unsigned int regno,
		       uint8_t *out);
/* Sets register regno of t from val[0..n): -EINVAL for a bad number or size. Segment
 * registers and orig_rax are read-only: their writes are accepted and dropped. */
int debug_reg_write(struct debug_session *s, struct thread *t, unsigned int regno,
		    const uint8_t *val, size_t n);
/* The target description; *len its length. */
const char *debug_target_xml(size_t *len);

/* Memory of p as the debugger sees it: breakpoints show the program's bytes. Reads return
 * the count read (a prefix when a page is missing) or -EFAULT for none; writes go through
 * read-only pages by copying the page first, as ptrace does. */
ssize_t debug_mem_read(struct debug_session *s, struct process *p, uaddr_t a, void *buf,
		       size_t n);
int debug_mem_write(struct debug_session *s, struct process *p, uaddr_t a, const void *buf,
		    size_t n);
/* Raw writes, beneath the breakpoint table (for breakpoints themselves). */
int debug_mem_poke(struct process *p, uaddr_t a, const void *buf, size_t n);

/* Software breakpoints (int3) at a in p: 0, -EFAULT, -ENOSPC when the table is full. */
int debug_bp_insert(struct debug_session *s, struct process *p, uaddr_t a);
/* 0, or -ENOENT when none is there. */
int debug_bp_remove(struct debug_session *s, struct process *p, uaddr_t a);
struct debug_breakpoint *debug_bp_find(struct debug_session *s, uaddr_t a);
/* The same, also among removed ones whose byte we still remember. */
struct debug_breakpoint *debug_bp_find_known(struct debug_session *s, uaddr_t a);
/* Puts every program byte back (detach, kill). */
void debug_bp_remove_all(struct debug_session *s, struct process *p);

#endif
