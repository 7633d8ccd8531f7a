/* net/conn.c: connections: connect, listen, accept and accept4, shutdown. A connection
 * to a listening socket is made at once as an "embryo" socket queued on the listener,
 * as Linux does, so the client may send before the server accepts. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <fs/file.h>
#include <net/socket.h>
#include <net/unix.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>

static bool unix_would_block(const struct file *f)
{
	return f->flags & O_NONBLOCK;
}

/* Connects sk to a new embryo queued on listener l. */
static int unix_connect_embryo(struct unix_sock *sk, struct unix_sock *l)
{
	struct unix_sock *e = unix_sock_alloc(sk->type);

	if (!e)
		return -ENOMEM;
	e->state = UNIX_CONNECTED;
	e->peer = sk;
	unix_sock_get(sk);
	sk->peer = e;
	unix_sock_get(e);
	sk->state = UNIX_CONNECTED;
	/* Each end sees the other's credentials: the connector's now, the listener's from
	 * when it called listen. */
	unix_cred_current(&e->peercred);
	e->has_peercred = true;
	sk->peercred = l->peercred;
	sk->has_peercred = true;
	e->addr = l->addr;
	e->passcred = l->passcred;
	e->listener = l;
	if (l->pending_tail)
		l->pending_tail->next_pending = e;
	else
		l->pending_head = e;
	l->pending_tail = e;
	l->npending++;
	unix_sock_wake(l);
	unix_sock_wake(sk);
	return 0;
}

/* Waits for room in l's backlog (Linux: full when more than backlog are pending). */
static int unix_connect_wait(struct unix_sock *sk, struct file *f, struct unix_sock *l)
{
	uint64_t deadline = 0;
	int err;

	for (;;) {
		if (l->dead || l->state != UNIX_LISTENING)
			return -ECONNREFUSED;
		if (sk->state != UNIX_UNCONNECTED)
			return -EISCONN;
		if (l->npending <= l->backlog)
			return 0;
		if (unix_would_block(f))
			return -EAGAIN;
		err = unix_sleep(&l->wr_wait, sk->sndtimeo_ns, &deadline);
		if (err)
			return err;
	}
}

static int unix_stream_connect(struct unix_sock *sk, struct file *f, const struct unix_addr *a)
{
	struct unix_sock *l;
	int err;

	if (sk->state == UNIX_CONNECTED)
		return -EISCONN;
	if (sk->state == UNIX_LISTENING)
		return -EINVAL;
	err = unix_lookup(a, sk->type, &l);
	if (err)
		return err;
	err = unix_connect_wait(sk, f, l);
	if (!err)
		err = unix_connect_embryo(sk, l);
	unix_sock_put(l);
	return err;
}

/* A datagram socket's default destination (and the only sender it accepts from). */
static int unix_dgram_connect(struct unix_sock *sk, const struct unix_addr *a)
{
	struct unix_sock *t, *old = sk->peer;
	int err = unix_lookup(a, sk->type, &t);

	if (err)
		return err;
	if (t->dead || (t->peer && t->peer != sk)) {
		err = t->dead ? -ECONNREFUSED : -EPERM;
		unix_sock_put(t);
		return err;
	}
	sk->peer = t;           /* takes the lookup's reference */
	sk->state = UNIX_CONNECTED;
	if (old)
		unix_sock_put(old);
	return 0;
}

static void unix_dgram_disconnect(struct unix_sock *sk)
{
	if (sk->peer) {
		unix_sock_put(sk->peer);
		sk->peer = NULL;
	}
	sk->state = UNIX_UNCONNECTED;
}

long sys_connect(int fd, const void __user *uaddr, int addrlen)
{
	struct unix_sock *sk;
	struct unix_addr a;
	struct file *f;
	uint16_t family;
	int err;

	err = unix_sock_from_fd(fd, &sk, &f);
	if (err)
		return err;
	if (addrlen >= (int)sizeof(family) && sk->type == SOCK_DGRAM) {
		if (copy_from_user(&family, uaddr, sizeof(family)))
			return -EFAULT;
		if (family == AF_UNSPEC) {
			unix_dgram_disconnect(sk);
			return 0;
		}
	}
	err = unix_addr_from_user(uaddr, addrlen, &a);
	if (err)
		return err;
	if (a.len <= UNIX_ADDR_FAMILY_LEN)
		return -EINVAL;
	if (sk->type == SOCK_DGRAM)
		return unix_dgram_connect(sk, &a);
	file_get(f);
	err = unix_stream_connect(sk, f, &a);
	file_put(f);
	return err;
}

long sys_listen(int fd, int backlog)
{
	struct unix_sock *sk;
	int err = unix_sock_from_fd(fd, &sk, NULL);

	if (err)
		return err;
	if (sk->type == SOCK_DGRAM)
		return -EOPNOTSUPP;
	if (!sk->addr.len || sk->state == UNIX_CONNECTED)
		return -EINVAL;
	if ((unsigned int)backlog > SOMAXCONN)
		backlog = SOMAXCONN;
	sk->backlog = (unsigned int)backlog;
	if (sk->state != UNIX_LISTENING) {
		sk->state = UNIX_LISTENING;
		unix_cred_current(&sk->peercred);
		sk->has_peercred = true;
	}
	unix_sock_wake(sk);      /* a larger backlog lets waiting connectors in */
	return 0;
}

/* The oldest pending connection of l, waiting for one unless non-blocking. */
static int unix_accept_wait(struct unix_sock *l, struct file *f, struct unix_sock **out)
{
	uint64_t deadline = 0;
	struct unix_sock *e;
	int err;

	for (;;) {
		if (l->state != UNIX_LISTENING || l->dead)
			return -EINVAL;
		e = l->pending_head;
		if (e) {
			l->pending_head = e->next_pending;
			if (!l->pending_head)
				l->pending_tail = NULL;
			l->npending--;
			e->next_pending = NULL;
			e->listener = NULL;
			unix_sock_wake(l);    /* room in the backlog */
			*out = e;
			return 0;
		}
		if (unix_would_block(f))
			return -EAGAIN;
		err = unix_sleep(&l->rd_wait, l->rcvtimeo_ns, &deadline);
		if (err)
			return err;
	}
}

/* Hands the accepted embryo e to the caller: its address, then a descriptor. */
static long unix_accept_install(struct unix_sock *e, int flags, void __user *uaddr,
				int __user *ulen)
{
	struct unix_addr unbound;
	struct file *nf = unix_file_alloc(e, (unsigned int)flags);
	int fd, err;

	if (!nf)
		return -ENOMEM;
	if (uaddr) {
		memset(&unbound, 0, sizeof(unbound));
		unbound.len = UNIX_ADDR_FAMILY_LEN;
		unbound.sun.sun_family = AF_UNIX;
		err = unix_addr_to_user(e->peer && e->peer->addr.len ? &e->peer->addr : &unbound,
					uaddr, ulen);
		if (err) {
			file_put(nf);
			return err;
		}
	}
	fd = fdtable_install(process_current()->fdt, nf, 0, flags & SOCK_CLOEXEC);
	if (fd < 0)
		file_put(nf);
	return fd;
}

long sys_accept4(int fd, void __user *uaddr, int __user *ulen, int flags)
{
	struct unix_sock *sk, *e;
	struct file *f;
	long ret;
	int err;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	err = unix_sock_from_fd(fd, &sk, &f);
	if (err)
		return err;
	if (sk->type == SOCK_DGRAM)
		return -EOPNOTSUPP;
	file_get(f);
	err = unix_accept_wait(sk, f, &e);
	file_put(f);
	if (err)
		return err;
	ret = unix_accept_install(e, flags, uaddr, ulen);
	if (ret < 0)
		unix_sock_release(e);   /* the connection is lost, as on Linux */
	unix_sock_put(e);
	return ret;
}

long sys_accept(int fd, void __user *uaddr, int __user *ulen)
{
	return sys_accept4(fd, uaddr, ulen, 0);
}

/* Linux's unix_shutdown: a connected peer loses the opposite direction. */
long sys_shutdown(int fd, int how)
{
	struct unix_sock *sk, *peer;
	unsigned int mode, peer_mode = 0;
	int err;

	err = unix_sock_from_fd(fd, &sk, NULL);
	if (err)
		return err;
	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	mode = (unsigned int)how + 1;    /* SHUT_RD -> RCV, SHUT_WR -> SEND */
	sk->shut |= mode;
	peer = sk->peer;
	if (peer && sk->type != SOCK_DGRAM && sk->state == UNIX_CONNECTED) {
		if (mode & UNIX_SHUT_RCV)
			peer_mode |= UNIX_SHUT_SEND;
		if (mode & UNIX_SHUT_SEND)
			peer_mode |= UNIX_SHUT_RCV;
		peer->shut |= peer_mode;
		unix_sock_wake(peer);
	}
	unix_sock_wake(sk);
	return 0;
}
