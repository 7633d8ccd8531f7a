/* tty/tty_ioctl.c: a terminal's ioctls: termios, window size, foreground process group,
 * controlling terminal, session, queue counts and flushes. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/signal.h>
#include <process/process.h>
#include <signal/signal.h>
#include <tty/tty.h>

static int tty_put_int(unsigned long arg, int v)
{
	return copy_to_user(uaddr_ptr(arg), &v, sizeof(v)) ? -EFAULT : 0;
}

static long tty_ioctl_set_termios(struct tty *t, unsigned int cmd, unsigned long arg)
{
	struct termios tm;

	if (copy_from_user(&tm, uaddr_ptr(arg), sizeof(tm)))
		return -EFAULT;
	/* Output is written synchronously, so TCSETSW has nothing to drain. */
	if (cmd == TCSETSF)
		tty_flush_input(t);
	tty_set_termios(t, &tm);
	return 0;
}

static long tty_ioctl_set_winsize(struct tty *t, unsigned long arg)
{
	struct winsize ws;

	if (copy_from_user(&ws, uaddr_ptr(arg), sizeof(ws)))
		return -EFAULT;
	if (memcmp(&ws, &t->winsize, sizeof(ws)) == 0)
		return 0;
	t->winsize = ws;
	if (t->pgrp > 0)
		tty_signal_pgrp(t->pgrp, SIGWINCH);
	return 0;
}

/* A process group exists in the session: some live member of it is there. */
struct tty_pgrp_search {
	int pgrp, sid;
	bool found;
};

static int tty_pgrp_match(struct process *p, void *arg)
{
	struct tty_pgrp_search *s = arg;

	if (p->pgid == s->pgrp && p->sid == s->sid && p->state != PROCESS_ZOMBIE) {
		s->found = true;
		return 1;
	}
	return 0;
}

/* TIOCSPGRP: only on the caller's own controlling terminal, to a group of its session. */
static long tty_ioctl_set_pgrp(struct tty *t, unsigned long arg)
{
	struct process *p = process_current();
	struct tty_pgrp_search s;
	int pgrp;

	if (copy_from_user(&pgrp, uaddr_ptr(arg), sizeof(pgrp)))
		return -EFAULT;
	if (t->session == 0 || t->session != p->sid)
		return -ENOTTY;
	if (pgrp < 0)
		return -EINVAL;
	s = (struct tty_pgrp_search){ .pgrp = pgrp, .sid = p->sid };
	process_for_each(tty_pgrp_match, &s);
	if (!s.found)
		return -EPERM;
	t->pgrp = pgrp;
	return 0;
}

/* TIOCGPGRP and TIOCGSID answer only the processes t controls. */
static long tty_ioctl_get_job(struct tty *t, unsigned int cmd, unsigned long arg)
{
	struct process *p = process_current();

	if (t->session == 0 || t->session != p->sid)
		return -ENOTTY;
	return tty_put_int(arg, cmd == TIOCGPGRP ? t->pgrp : t->session);
}

static long tty_ioctl_flush(struct tty *t, unsigned long arg)
{
	if (arg > TCIOFLUSH)
		return -EINVAL;
	/* Output never waits in a queue here: only input has anything to drop. */
	if (arg == TCIFLUSH || arg == TCIOFLUSH)
		tty_flush_input(t);
	return 0;
}

long tty_ioctl(struct tty *t, struct file *f, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case TCGETS:
		return copy_to_user(uaddr_ptr(arg), &t->termios, sizeof(t->termios)) ?
		       -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return tty_ioctl_set_termios(t, cmd, arg);
	case TIOCGWINSZ:
		return copy_to_user(uaddr_ptr(arg), &t->winsize, sizeof(t->winsize)) ?
		       -EFAULT : 0;
	case TIOCSWINSZ:
		return tty_ioctl_set_winsize(t, arg);
	case TIOCGPGRP:
	case TIOCGSID:
		return tty_ioctl_get_job(t, cmd, arg);
	case TIOCSPGRP:
		return tty_ioctl_set_pgrp(t, arg);
	case TIOCSCTTY:
		return tty_set_ctty(t, arg);
	case TIOCNOTTY:
		return tty_drop_ctty(t);
	case FIONREAD:
		return tty_put_int(arg, (int)tty_input_count(t));
	case TIOCOUTQ:
		return tty_put_int(arg, 0);
	case TCFLSH:
		return tty_ioctl_flush(t, arg);
	case TCXONC:
		return arg <= 3 ? 0 : -EINVAL;   /* flow control: accepted, never stops */
	case TCSBRK:
		return 0;                        /* nothing queued to drain */
	default:
		return -ENOTTY;
	}
}
