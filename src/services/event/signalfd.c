/* event/signalfd.c: signalfd and signalfd4: a descriptor whose reads take the reading
 * thread's pending signals of a mask, as 128-byte records, instead of having them
 * delivered; readable when one of them is pending.
 *
 * Waiters sleep on one queue shared by every signalfd, and pollers watch one poll head:
 * signal sending calls signalfd_notify (through signal_queued_hook), which wakes both,
 * and each rechecks its own thread's pending set (Linux wakes a process's signalfd
 * queue the same way). */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/sync.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/siginfo.h>
#include <abi/stat.h>
#include <event/signalfd.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/internal.h>
#include <signal/signal.h>
#include <signal/sigqueue.h>

struct signalfd {
	struct file file;         /* first: file_put frees it */
	kernel_sigset_t mask;
};

static waitqueue_t signalfd_wait = WAITQUEUE_INIT;
static struct poll_head signalfd_pollers;

static const struct file_ops signalfd_file_ops;

static struct signalfd *signalfd_of(struct file *f)
{
	return (struct signalfd *)f;
}

void signalfd_notify(struct process *p)
{
	waitqueue_wake_all(&signalfd_wait);
	poll_head_wake(&signalfd_pollers);
}

/* Which union member of a siginfo is meaningful (Linux's siginfo_layout). */
enum signalfd_layout { LAYOUT_KILL, LAYOUT_RT, LAYOUT_TIMER, LAYOUT_FAULT, LAYOUT_CHLD };

static enum signalfd_layout signalfd_layout_of(const ksiginfo_t *k)
{
	int sig = k->si_signo, code = k->si_code;

	if (code > SI_USER && code < SI_KERNEL) {
		if (sig == SIGCHLD)
			return LAYOUT_CHLD;
		if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
		    sig == SIGTRAP)
			return LAYOUT_FAULT;
		return LAYOUT_KILL;
	}
	if (code == SI_TIMER)
		return LAYOUT_TIMER;
	return code < 0 ? LAYOUT_RT : LAYOUT_KILL;
}

/* Linux's signalfd_copyinfo: the record of one dequeued signal. */
static void signalfd_fill(struct signalfd_siginfo *s, const ksiginfo_t *k)
{
	memset(s, 0, sizeof(*s));
	s->ssi_signo = (uint32_t)k->si_signo;
	s->ssi_errno = k->si_errno;
	s->ssi_code = k->si_code;
	switch (signalfd_layout_of(k)) {
	case LAYOUT_KILL:
		s->ssi_pid = (uint32_t)k->u.kill.pid;
		s->ssi_uid = k->u.kill.uid;
		break;
	case LAYOUT_RT:
		s->ssi_pid = (uint32_t)k->u.kill.pid;
		s->ssi_uid = k->u.kill.uid;
		s->ssi_ptr = k->u.kill.value;
		s->ssi_int = (int32_t)k->u.kill.value;
		break;
	case LAYOUT_TIMER:
		s->ssi_tid = (uint32_t)k->u.timer.tid;
		s->ssi_overrun = (uint32_t)k->u.timer.overrun;
		s->ssi_ptr = k->u.timer.value;
		s->ssi_int = (int32_t)k->u.timer.value;
		break;
	case LAYOUT_FAULT:
		s->ssi_addr = k->u.fault.addr;
		break;
	case LAYOUT_CHLD:
		s->ssi_pid = (uint32_t)k->u.chld.pid;
		s->ssi_uid = k->u.chld.uid;
		s->ssi_status = k->u.chld.status;
		s->ssi_utime = (uint64_t)k->u.chld.utime;
		s->ssi_stime = (uint64_t)k->u.chld.stime;
		break;
	}
}

/* Takes one signal of the mask pending for t: its number, -EAGAIN when none is and the
 * caller may not wait, or -ERESTARTSYS when another signal interrupts the wait. */
static int signalfd_dequeue(struct signalfd *sfd, struct thread *t, bool nonblock,
			    ksiginfo_t *info)
{
	int sig;

	for (;;) {
		sig = signal_dequeue(t, sfd->mask, info);
		if (sig)
			return sig;
		if (nonblock)
			return -EAGAIN;
		if (thread_sleep(&signalfd_wait, UINT64_MAX) == -EINTR)
			return -ERESTARTSYS;
	}
}

/* As many whole records as fit; only the first may wait. The file reference held across
 * the sleep keeps the signalfd alive if another thread closes it meanwhile. */
static ssize_t signalfd_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct thread *t = thread_current();
	struct signalfd_siginfo rec;
	bool nonblock = f->flags & O_NONBLOCK;
	size_t count = n / sizeof(rec), done = 0;
	ksiginfo_t info;
	ssize_t ret = 0;

	if (!count)
		return -EINVAL;
	file_get(f);
	for (; done < count; done++, nonblock = true) {
		ret = signalfd_dequeue(signalfd_of(f), t, nonblock, &info);
		if (ret < 0)
			break;
		signalfd_fill(&rec, &info);
		/* A record that cannot be written is lost, as on Linux. */
		ret = copy_to_user((char __user *)buf + done * sizeof(rec), &rec, sizeof(rec));
		if (ret) {
			ret = -EFAULT;
			break;
		}
	}
	file_put(f);
	return done ? (ssize_t)(done * sizeof(rec)) : ret;
}

static unsigned int signalfd_poll(struct file *f, struct poll_table *pt)
{
	struct thread *t = thread_current();

	poll_wait_head(pt, f, &signalfd_pollers);
	if (t && ((t->pending.set | t->proc->shared_pending.set) & signalfd_of(f)->mask))
		return POLLIN | POLLRDNORM;
	return 0;
}

/* An anonymous inode's view, as Linux's anon_inode files show. */
static int signalfd_fstat(struct file *f, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = 0600;
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

/* Linux's noop_llseek: the position stays where it is (0). */
static int64_t signalfd_lseek(struct file *f, int64_t off, int whence)
{
	return (int64_t)f->pos;
}

static const struct file_ops signalfd_file_ops = {
	.read  = signalfd_read,
	.lseek = signalfd_lseek,
	.fstat = signalfd_fstat,
	.poll  = signalfd_poll,
};

static long signalfd_create(kernel_sigset_t mask, int flags)
{
	struct signalfd *sfd = kzalloc(sizeof(*sfd));
	long fd;

	if (!sfd)
		return -ENOMEM;
	sfd->file.ops = &signalfd_file_ops;
	sfd->file.flags = O_RDWR | (flags & SFD_NONBLOCK);
	sfd->file.refs = 1;
	sfd->mask = mask;
	signal_queued_hook = signalfd_notify;
	fd = fdtable_install(process_current()->fdt, &sfd->file, 0, flags & SFD_CLOEXEC);
	if (fd < 0)
		file_put(&sfd->file);
	return fd;
}

/* Linux's order: the mask's size and copy first, then the flags, then the descriptor. */
long sys_signalfd4(int fd, const kernel_sigset_t __user *umask, size_t sizemask, int flags)
{
	kernel_sigset_t mask;
	struct file *f;

	if (sizemask != sizeof(mask))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	if (flags & ~(SFD_CLOEXEC | SFD_NONBLOCK))
		return -EINVAL;
	mask &= ~SIG_UNBLOCKABLE;
	if (fd == -1)
		return signalfd_create(mask, flags);
	f = fdtable_get(process_current()->fdt, fd);
	if (!f || (f->flags & O_PATH))
		return -EBADF;
	if (f->ops != &signalfd_file_ops)
		return -EINVAL;
	/* A new mask may make waiting readers and pollers ready. */
	signalfd_of(f)->mask = mask;
	signalfd_notify(process_current());
	return fd;
}

long sys_signalfd(int fd, const kernel_sigset_t __user *umask, size_t sizemask)
{
	return sys_signalfd4(fd, umask, sizemask, 0);
}
