/* debug/session.c: stopping the debugged program for gdb and resuming it as gdb says.
 * A stop serves packets on the CPU that ran the thread, blocking in the debug port: every
 * other task waits meanwhile, so the whole machine stops (all-stop) while gdb looks. */
#include <ostd/debug_port.h>
#include <ostd/errno.h>
#include <ostd/log.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/signal.h>
#include <debug/debug.h>
#include <debug/session.h>
#include <mm/mm.h>
#include <process/process.h>
#include <process/thread.h>

struct debug_session debug_session;

void debug_session_reset(struct debug_session *s)
{
	memset(s, 0, sizeof(*s));
	gdb_rx_init(&s->rx);
}

static bool session_owns(const struct debug_session *s, const struct thread *t)
{
	return s->attached && t->proc->pid == s->pid;
}

/* Frames and sends the reply; a failed send ends the session at the next read. */
static void session_send(struct debug_session *s)
{
	ssize_t n;

	if (s->reply.overflow)
		gdb_reply_clear(&s->reply), gdb_reply_str(&s->reply, "E0c");
	n = gdb_frame(s->reply.buf, s->reply.len, s->out, sizeof(s->out));
	if (n < 0)
		return;
	s->out_len = (size_t)n;
	debug_port_write(s->out, s->out_len);
}

/* The debugger is gone or let go: take our int3s out and let the program run alone. */
static void session_end(struct debug_session *s)
{
	struct process *p = process_find(s->pid);
	struct thread *stepper = p && s->stepping ? thread_find_in(p, s->step_tid) : NULL;

	if (p)
		debug_bp_remove_all(s, p);
	if (stepper)
		stepper->ctx.regs.rflags &= ~DEBUG_RFLAGS_TF;
	s->stepping = false;
	s->attached = false;
	debug_port_close();
}

/* The next byte from the debugger: 1, or 0 when it hung up, -EAGAIN when !wait. */
static int session_next_byte(struct debug_session *s, char *c, bool wait)
{
	if (s->in_pos == s->in_len) {
		ssize_t n = debug_port_read(s->in, sizeof(s->in), wait);

		if (n <= 0)
			return n == -EAGAIN ? -EAGAIN : 0;
		s->in_pos = 0;
		s->in_len = (size_t)n;
	}
	*c = s->in[s->in_pos++];
	return 1;
}

/* Arms the resume gdb asked for; a breakpoint under rip is lifted for one step first. */
static void session_arm(struct debug_session *s, struct thread *t, enum debug_resume how)
{
	struct process *p = t->proc;
	uaddr_t rip = t->ctx.regs.rip;

	/* Running again: the stopped thread may exit before the next stop names another. */
	s->stopped = NULL;
	s->step_then_continue = false;
	if (debug_bp_find(s, rip) && debug_bp_remove(s, p, rip) == 0) {
		s->reinsert = rip;
		s->step_then_continue = how == DEBUG_CONTINUE;
		how = DEBUG_STEP;
	}
	if (how == DEBUG_STEP) {
		t->ctx.regs.rflags |= DEBUG_RFLAGS_TF;
		s->stepping = true;
		s->step_tid = t->tid;
	}
}

/* Serves packets until gdb resumes, detaches or kills; t is the stopped thread. */
static void session_serve(struct debug_session *s, struct thread *t)
{
	enum debug_resume how;
	char c;

	for (;;) {
		int r = session_next_byte(s, &c, true);

		if (r <= 0)
			return session_end(s);
		switch (gdb_rx_feed(&s->rx, c)) {
		case GDB_RX_BAD:
			debug_port_write("-", 1);
			continue;
		case GDB_RX_NAK:
			if (s->out_len)
				debug_port_write(s->out, s->out_len);
			continue;
		case GDB_RX_PACKET:
			break;
		default:
			continue;   /* acks, and ^C while already stopped */
		}
		debug_port_write("+", 1);
		how = debug_command(s, s->rx.buf, s->rx.len);
		if (how == DEBUG_STAY || how == DEBUG_DETACH)
			session_send(s);
		if (how == DEBUG_DETACH)
			return session_end(s);
		if (how == DEBUG_KILL) {
			session_end(s);
			process_exit_group(t->proc, SIGKILL);
			return;
		}
		if (how != DEBUG_STAY)
			return session_arm(s, t, how);
	}
}

/* Reports t's stop (unless gdb has not asked yet: the first stop) and serves gdb. */
static void session_stop(struct debug_session *s, struct thread *t, int sig, bool report)
{
	t->ctx.regs.rflags &= ~DEBUG_RFLAGS_TF;
	s->stepping = false;
	s->stopped = t;
	s->stop_signal = sig;
	s->reg_tid = 0;
	if (report) {
		debug_reply_stop(s);
		session_send(s);
	}
	session_serve(s, t);
}

void debug_thread_begin(struct thread *t)
{
	struct debug_session *s = &debug_session;

	if (s->started || !debug_port_is_open())
		return;
	debug_session_reset(s);
	s->started = true;
	s->attached = true;
	s->pid = t->proc->pid;
	log_info("debug: pid %d stopped at its first instruction %#llx for the debugger",
		 s->pid, (unsigned long long)t->ctx.regs.rip);
	session_stop(s, t, DEBUG_SIGTRAP, false);
}

/* The end of a step: put a lifted breakpoint back; false when it only served to get over
 * that breakpoint and the program should just go on. */
static bool session_step_done(struct debug_session *s, struct thread *t)
{
	struct process *p = t->proc;
	bool go_on = s->step_then_continue;

	t->ctx.regs.rflags &= ~DEBUG_RFLAGS_TF;
	s->stepping = false;
	s->step_then_continue = false;
	if (s->reinsert) {
		debug_bp_insert(s, p, s->reinsert);
		s->reinsert = 0;
	}
	return !go_on;
}

/* A child forked while our int3s were in place hit one (gdb may have removed it from the
 * debugged process since): like gdb with detach-on-fork, the child gets its own byte back
 * and goes on, undebugged. */
static bool debug_bp_drop_inherited(struct debug_session *s, struct thread *t)
{
	struct process *debugged = process_find(s->pid);
	uaddr_t at = t->ctx.regs.rip - 1;
	struct debug_breakpoint *bp = debug_bp_find_known(s, at);
	uint8_t byte;

	if (t->ctx.fault.vector != TRAP_BP || !bp || !t->proc->mm)
		return false;
	/* A vfork child shares the debugged memory: it cannot get its byte alone. */
	if (debugged && debugged->mm == t->proc->mm)
		return false;
	if (vmspace_copy_from(t->proc->mm->vs, &byte, at, 1) || byte != DEBUG_INT3 ||
	    debug_mem_poke(t->proc, at, &bp->saved, 1))
		return false;
	t->ctx.regs.rip = at;
	return true;
}

bool debug_handle_trap(struct thread *t)
{
	struct debug_session *s = &debug_session;
	uaddr_t at = t->ctx.regs.rip - 1;

	if (!session_owns(s, t))
		return s->started && debug_bp_drop_inherited(s, t);
	if (t->ctx.fault.vector == TRAP_BP) {
		/* Ours: rip is past the int3; back up so the real instruction runs next. */
		if (debug_bp_find(s, at))
			t->ctx.regs.rip = at;
		session_stop(s, t, DEBUG_SIGTRAP, true);
		return true;
	}
	if (s->stepping && t->tid == s->step_tid && !session_step_done(s, t))
		return true;
	session_stop(s, t, DEBUG_SIGTRAP, true);
	return true;
}

/* A step over `syscall`: the engine returns to the kernel at the instruction; the step
 * is complete once the call has returned, rip after it. */
void debug_syscall_exit(struct thread *t)
{
	struct debug_session *s = &debug_session;

	if (!session_owns(s, t) || !s->stepping || t->tid != s->step_tid || t->exiting)
		return;
	if (session_step_done(s, t))
		session_stop(s, t, DEBUG_SIGTRAP, true);
}

void debug_poll(struct thread *t)
{
	struct debug_session *s = &debug_session;
	char c;
	int r;

	if (!session_owns(s, t))
		return;
	while ((r = session_next_byte(s, &c, false)) == 1) {
		if (gdb_rx_feed(&s->rx, c) == GDB_RX_INTERRUPT)
			return session_stop(s, t, DEBUG_SIGINT, true);
	}
	if (r == 0)
		session_end(s);
}

void debug_thread_end(struct thread *t)
{
	struct debug_session *s = &debug_session;
	struct process *p = t->proc;
	int code;
	uint8_t v;

	if (!session_owns(s, t) || p->nthreads > 1)
		return;
	code = p->group_exiting ? p->exit_code : t->exit_code;
	gdb_reply_clear(&s->reply);
	if ((code & 0x7f) == 0) {
		v = (uint8_t)((code >> 8) & 0xff);
		gdb_reply_char(&s->reply, 'W');
	} else {
		v = (uint8_t)(code & 0x7f);
		gdb_reply_char(&s->reply, 'X');
	}
	gdb_reply_hex(&s->reply, &v, 1);
	session_send(s);
	s->attached = false;
	debug_port_close();
}
