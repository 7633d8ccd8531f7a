/* net/socket.c: AF_UNIX socket objects and their files: creation, references, release,
 * and the file operations (read, write, poll, fstat, ioctl) that plain fd calls use. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <abi/termios.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <net/socket.h>
#include <net/unix.h>
#include <process/process.h>

static const struct file_ops unix_file_ops;

bool file_is_socket(const struct file *f)
{
	return f->ops == &unix_file_ops;
}

static struct unix_sock *unix_sock_of(struct file *f)
{
	return ((struct socket_file *)f)->sk;
}

struct unix_sock *unix_sock_alloc(int type)
{
	static uint64_t next_ino = 1;
	struct unix_sock *sk = kzalloc(sizeof(*sk));

	if (!sk)
		return NULL;
	sk->refs = 1;
	sk->type = type;
	sk->ino = next_ino++;
	sk->sndbuf = UNIX_BUF_DEFAULT;
	sk->rcvbuf = UNIX_BUF_DEFAULT;
	sk->peercred.pid = 0;
	sk->peercred.uid = (uint32_t)-1;   /* Linux's answer for no peer */
	sk->peercred.gid = (uint32_t)-1;
	waitqueue_init(&sk->rd_wait);
	waitqueue_init(&sk->wr_wait);
	poll_head_init(&sk->poll);
	return sk;
}

void unix_sock_get(struct unix_sock *sk)
{
	sk->refs++;
}

void unix_sock_put(struct unix_sock *sk)
{
	if (--sk->refs > 0)
		return;
	/* Released sockets have empty queues; one never released (a failed set-up) may not. */
	while (sk->rq_head) {
		struct unix_msg *m = sk->rq_head;

		sk->rq_head = m->next;
		unix_msg_free(m);
	}
	kfree(sk);
}

void unix_sock_wake(struct unix_sock *sk)
{
	waitqueue_wake_all(&sk->rd_wait);
	waitqueue_wake_all(&sk->wr_wait);
	poll_head_wake(&sk->poll);
}

void unix_cred_current(struct ucred *c)
{
	struct process *p = process_current();

	c->pid = p ? p->pid : 0;
	c->uid = p ? p->cred.euid : 0;
	c->gid = p ? p->cred.egid : 0;
}

/* The peer of a connected socket goes: no more data either way; a peer that left unread
 * data (or was never accepted) resets the connection, as on Linux. */
static void unix_peer_disconnect(struct unix_sock *sk, struct unix_sock *peer, bool reset)
{
	if (sk->type != SOCK_DGRAM) {
		peer->shut = UNIX_SHUT_BOTH;
		if (reset)
			peer->err = ECONNRESET;
	}
	unix_sock_wake(peer);
	unix_sock_put(peer);
}

static void unix_sock_release_as(struct unix_sock *sk, bool embryo)
{
	struct unix_sock *peer = sk->peer, *e;
	bool unread = sk->rq_head != NULL;

	sk->dead = true;
	sk->file = NULL;
	unix_unbind(sk);
	while ((e = sk->pending_head)) {
		sk->pending_head = e->next_pending;
		sk->npending--;
		unix_sock_release_as(e, true);
		unix_sock_put(e);
	}
	sk->pending_tail = NULL;
	sk->peer = NULL;
	if (peer)
		unix_peer_disconnect(sk, peer, unread || embryo);
	/* Dropping the messages may close the files they carry, sockets among them. */
	while (sk->rq_head) {
		struct unix_msg *m = sk->rq_head;

		sk->rq_head = m->next;
		if (!sk->rq_head)
			sk->rq_tail = NULL;
		unix_msg_free(m);
	}
	sk->rq_bytes = 0;
	sk->rq_len = 0;
	sk->shut = UNIX_SHUT_BOTH;
	unix_sock_wake(sk);
}

void unix_sock_release(struct unix_sock *sk)
{
	unix_sock_release_as(sk, false);
}

struct file *unix_file_alloc(struct unix_sock *sk, unsigned int flags)
{
	struct socket_file *sf = kzalloc(sizeof(*sf));

	if (!sf)
		return NULL;
	sf->file.ops = &unix_file_ops;
	sf->file.flags = O_RDWR | (flags & O_NONBLOCK);
	sf->file.refs = 1;
	sf->sk = sk;
	unix_sock_get(sk);
	sk->file = &sf->file;
	return &sf->file;
}

int unix_sock_from_fd(int fd, struct unix_sock **out, struct file **file)
{
	struct file *f = fdtable_get(process_current()->fdt, fd);

	if (!f)
		return -EBADF;
	if (!file_is_socket(f))
		return -ENOTSOCK;
	*out = unix_sock_of(f);
	if (file)
		*file = f;
	return 0;
}

static ssize_t unix_file_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct iovec iov = { uptr_addr(buf), n };
	struct unix_iter it = { &iov, 1, 0, 0, n };
	struct unix_recv_info info;
	long r;

	memset(&info, 0, sizeof(info));
	r = unix_recv(unix_sock_of(f), f, &it, 0, &info);
	unix_scm_drop(&info.scm);
	return r;
}

static ssize_t unix_file_write(struct file *f, const void __user *buf, size_t n,
			       uint64_t *pos)
{
	struct iovec iov = { uptr_addr(buf), n };
	struct unix_iter it = { &iov, 1, 0, 0, n };
	struct unix_scm scm;

	memset(&scm, 0, sizeof(scm));
	return unix_send(unix_sock_of(f), f, &it, NULL, &scm, 0);
}

static bool unix_is_writable(const struct unix_sock *sk)
{
	const struct unix_sock *p = sk->peer;

	if (sk->state == UNIX_LISTENING || (size_t)sk->wmem * 4 > (size_t)sk->sndbuf)
		return false;
	/* A datagram socket connected to a busy receiver that is not connected back. */
	if (sk->type == SOCK_DGRAM && p && p->peer != sk && p->rq_len > UNIX_DGRAM_QLEN)
		return false;
	return true;
}

/* Linux's unix_poll and unix_dgram_poll, which differ only in what a datagram socket
 * without a connection reports. */
static unsigned int unix_file_poll(struct file *f, struct poll_table *pt)
{
	struct unix_sock *sk = unix_sock_of(f);
	unsigned int mask = 0;

	poll_wait_head(pt, f, &sk->poll);
	if (sk->err)
		mask |= POLLERR;
	if (sk->shut == UNIX_SHUT_BOTH)
		mask |= POLLHUP;
	if (sk->shut & UNIX_SHUT_RCV)
		mask |= POLLRDHUP | POLLIN | POLLRDNORM;
	if (sk->rq_head || sk->pending_head)
		mask |= POLLIN | POLLRDNORM;
	if (sk->type != SOCK_DGRAM && sk->state == UNIX_UNCONNECTED)
		mask |= POLLHUP;
	if (unix_is_writable(sk))
		mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
	return mask;
}

static int unix_file_fstat(struct file *f, struct stat *st)
{
	struct unix_sock *sk = unix_sock_of(f);

	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFSOCK | 0777;
	st->st_nlink = 1;
	st->st_ino = sk->ino;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

/* FIONREAD (SIOCINQ): bytes unread on a stream, the next datagram's size otherwise. */
static long unix_file_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct unix_sock *sk = unix_sock_of(f);
	int n;

	if (cmd != FIONREAD)
		return -ENOTTY;
	if (sk->state == UNIX_LISTENING)
		return -EINVAL;
	if (sk->type == SOCK_STREAM)
		n = (int)sk->rq_bytes;
	else
		n = sk->rq_head ? (int)sk->rq_head->len : 0;
	if (copy_to_user(uaddr_ptr(arg), &n, sizeof(n)))
		return -EFAULT;
	return 0;
}

static void unix_file_release(struct file *f)
{
	struct unix_sock *sk = unix_sock_of(f);

	unix_sock_release(sk);
	unix_sock_put(sk);
}

static const struct file_ops unix_file_ops = {
	.read    = unix_file_read,
	.write   = unix_file_write,
	.fstat   = unix_file_fstat,
	.ioctl   = unix_file_ioctl,
	.poll    = unix_file_poll,
	.release = unix_file_release,
};

/* socket()'s family, type and protocol as Linux checks them, in its order. The type
 * without its flags goes to *type. */
static int unix_check_args(int family, int *type, int protocol)
{
	int t = *type & SOCK_TYPE_MASK;

	if (*type & ~(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	if (family < 0 || family >= AF_MAX)
		return -EAFNOSUPPORT;
	if (t > 10)
		return -EINVAL;
	/* Only AF_UNIX exists: Keel has no network stack (yet). */
	if (family != AF_UNIX)
		return -EAFNOSUPPORT;
	if (protocol != 0 && protocol != PF_UNIX)
		return -EPROTONOSUPPORT;
	if (t == SOCK_RAW)
		t = SOCK_DGRAM;     /* as Linux maps it for AF_UNIX */
	if (t != SOCK_STREAM && t != SOCK_DGRAM && t != SOCK_SEQPACKET)
		return -ESOCKTNOSUPPORT;
	*type = t;
	return 0;
}

long sys_socket(int family, int type, int protocol)
{
	unsigned int flags = (unsigned int)type;
	struct unix_sock *sk;
	struct file *f;
	int err, fd;

	err = unix_check_args(family, &type, protocol);
	if (err)
		return err;
	sk = unix_sock_alloc(type);
	if (!sk)
		return -ENOMEM;
	f = unix_file_alloc(sk, flags);
	unix_sock_put(sk);      /* the file holds it now, or nothing does */
	if (!f)
		return -ENOMEM;
	fd = fdtable_install(process_current()->fdt, f, 0, flags & SOCK_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

/* Connects two new sockets to each other, each knowing the other's credentials. */
static void unix_pair_connect(struct unix_sock *a, struct unix_sock *b)
{
	a->peer = b;
	b->peer = a;
	unix_sock_get(a);
	unix_sock_get(b);
	a->state = b->state = UNIX_CONNECTED;
	unix_cred_current(&a->peercred);
	b->peercred = a->peercred;
	a->has_peercred = b->has_peercred = true;
}

static int unix_pair_files(int type, unsigned int flags, struct file *files[2])
{
	struct unix_sock *a = unix_sock_alloc(type), *b = unix_sock_alloc(type);
	int err = -ENOMEM;

	if (!a || !b)
		goto out_put_socks;
	unix_pair_connect(a, b);
	files[0] = unix_file_alloc(a, flags);
	if (!files[0])
		goto out_put_socks;
	files[1] = unix_file_alloc(b, flags);
	if (!files[1])
		goto out_put_first;
	err = 0;
	goto out_put_socks;

out_put_first:
	file_put(files[0]);
out_put_socks:
	/* The files hold what they need; a failed pair is released here. */
	if (err && b)
		unix_sock_release(b);
	if (err && a)
		unix_sock_release(a);
	if (b)
		unix_sock_put(b);
	if (a)
		unix_sock_put(a);
	return err;
}

long sys_socketpair(int family, int type, int protocol, int __user *sv)
{
	struct fdtable *fdt = process_current()->fdt;
	unsigned int flags = (unsigned int)type;
	struct file *files[2];
	int fds[2], err;

	err = unix_check_args(family, &type, protocol);
	if (err)
		return err;
	err = unix_pair_files(type, flags, files);
	if (err)
		return err;
	fds[0] = fdtable_install(fdt, files[0], 0, flags & SOCK_CLOEXEC);
	if (fds[0] < 0) {
		err = fds[0];
		goto out_put_files;
	}
	fds[1] = fdtable_install(fdt, files[1], 0, flags & SOCK_CLOEXEC);
	if (fds[1] < 0) {
		err = fds[1];
		goto out_close_first;
	}
	if (copy_to_user(sv, fds, sizeof(fds))) {
		fdtable_close(fdt, fds[1]);
		fdtable_close(fdt, fds[0]);
		return -EFAULT;
	}
	return 0;

out_close_first:
	fdtable_close(fdt, fds[0]);
	file_put(files[1]);
	return err;
out_put_files:
	file_put(files[1]);
	file_put(files[0]);
	return err;
}
