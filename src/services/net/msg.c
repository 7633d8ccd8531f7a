/* net/msg.c: moving data between AF_UNIX sockets: the queue of messages each socket
 * receives into, stream sends split into pieces, datagrams and records kept whole, with
 * Linux's blocking, EPIPE/SIGPIPE, EOF and truncation rules. A sender's wmem counts its
 * bytes that are queued anywhere; it may not pass its send buffer. */
#include <ostd/errno.h>
#include <ostd/time.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/siginfo.h>
#include <abi/signal.h>
#include <fs/file.h>
#include <net/unix.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>

/* Moves up to n bytes between buf and the user's iovecs at the iterator, advancing it:
 * the bytes moved, or -EFAULT when none could be. */
static long unix_iter_copy(struct unix_iter *it, char *buf, size_t n, bool to_user)
{
	size_t done = 0;

	while (done < n && it->idx < it->count) {
		struct iovec *v = &it->iov[it->idx];
		size_t k = (size_t)MIN(n - done, v->iov_len - it->off);
		void __user *u = uaddr_ptr(v->iov_base + it->off);

		if (k && (to_user ? copy_to_user(u, buf + done, k) :
			  copy_from_user(buf + done, u, k)))
			return done ? (long)done : -EFAULT;
		done += k;
		it->off += k;
		it->total -= k;
		if (it->off == v->iov_len) {
			it->idx++;
			it->off = 0;
		}
	}
	return (long)done;
}

long unix_iter_from(struct unix_iter *it, void *dst, size_t n)
{
	return unix_iter_copy(it, dst, n, false);
}

long unix_iter_to(struct unix_iter *it, const void *src, size_t n)
{
	/* Only read through buf in this direction. */
	return unix_iter_copy(it, (char *)(uintptr_t)src, n, true);
}

void unix_scm_drop(struct unix_scm *scm)
{
	unsigned int k;

	for (k = 0; k < scm->nfiles; k++)
		file_put(scm->files[k]);
	kfree(scm->files);
	scm->files = NULL;
	scm->nfiles = 0;
}

/* The files go before the sender is told of the room: closing one may release a
 * socket, which is fine at any point because nothing here is half done. */
void unix_msg_free(struct unix_msg *m)
{
	struct unix_sock *s = m->sender;
	unsigned int k;

	for (k = 0; k < m->nfiles; k++)
		file_put(m->files[k]);
	kfree(m->files);
	s->wmem -= m->len;
	unix_sock_wake(s);
	unix_sock_put(s);
	kfree(m);
}

/* A message of len bytes from sk, filled from it; the scm's files move into it. */
static long unix_msg_make(struct unix_sock *sk, struct unix_iter *it, size_t len,
			  struct unix_scm *scm, struct unix_msg **out)
{
	struct unix_msg *m = kzalloc(sizeof(*m) + len);
	struct process *p = process_current();
	long got;

	if (!m)
		return -ENOMEM;
	got = unix_iter_from(it, m->data, len);
	if (got < 0 || (size_t)got < len) {
		kfree(m);
		return -EFAULT;
	}
	m->len = len;
	m->sender = sk;
	unix_sock_get(sk);
	sk->wmem += len;
	if (scm->has_cred) {
		m->cred = scm->cred;
	} else {
		m->cred.pid = p ? p->pid : 0;
		m->cred.uid = p ? p->cred.uid : 0;
		m->cred.gid = p ? p->cred.gid : 0;
	}
	m->files = scm->files;
	m->nfiles = scm->nfiles;
	scm->files = NULL;
	scm->nfiles = 0;
	*out = m;
	return 0;
}

static void unix_enqueue(struct unix_sock *to, struct unix_msg *m)
{
	if (to->rq_tail)
		to->rq_tail->next = m;
	else
		to->rq_head = m;
	to->rq_tail = m;
	to->rq_bytes += m->len;
	to->rq_len++;
	unix_sock_wake(to);
}

static struct unix_msg *unix_dequeue(struct unix_sock *sk)
{
	struct unix_msg *m = sk->rq_head;

	sk->rq_head = m->next;
	if (!sk->rq_head)
		sk->rq_tail = NULL;
	sk->rq_bytes -= m->len - m->off;
	sk->rq_len--;
	m->next = NULL;
	return m;
}

static bool unix_nonblock(const struct file *f, unsigned int flags)
{
	return (f->flags & O_NONBLOCK) || (flags & MSG_DONTWAIT);
}

int unix_sleep(waitqueue_t *wq, uint64_t timeo_ns, uint64_t *deadline)
{
	int r;

	if (timeo_ns && !*deadline)
		*deadline = clock_monotonic_ns() + timeo_ns;
	r = thread_sleep(wq, timeo_ns ? *deadline : UINT64_MAX);
	if (r == -EINTR)
		return timeo_ns ? -EINTR : -ERESTARTSYS;
	return r == -ETIMEDOUT ? -EAGAIN : 0;
}

/* Sleeps on wq for a send or receive (unix_sleep), unless the call may not block. */
static int unix_wait(waitqueue_t *wq, const struct file *f, unsigned int flags,
		     uint64_t timeo_ns, uint64_t *deadline)
{
	if (unix_nonblock(f, flags))
		return -EAGAIN;
	return unix_sleep(wq, timeo_ns, deadline);
}

static bool unix_stream_broken(const struct unix_sock *sk)
{
	const struct unix_sock *p = sk->peer;

	return (sk->shut & UNIX_SHUT_SEND) || !p || p->dead || (p->shut & UNIX_SHUT_RCV);
}

static long unix_stream_send(struct unix_sock *sk, struct file *f, struct unix_iter *it,
			     struct unix_scm *scm, unsigned int flags)
{
	size_t total = it->total, done = 0;
	uint64_t deadline = 0;
	struct unix_msg *m;
	long err = 0;

	if (sk->state != UNIX_CONNECTED)
		return -ENOTCONN;
	while (done < total || (done == 0 && scm->nfiles)) {
		size_t chunk;

		if (unix_stream_broken(sk)) {
			if (!done && !(flags & MSG_NOSIGNAL))
				signal_send_sigpipe();
			err = -EPIPE;
			break;
		}
		if (sk->wmem >= (size_t)sk->sndbuf) {
			err = unix_wait(&sk->wr_wait, f, flags, sk->sndtimeo_ns, &deadline);
			if (err)
				break;
			continue;
		}
		chunk = MIN(total - done, (size_t)sk->sndbuf - sk->wmem);
		chunk = MIN(chunk, (size_t)UNIX_STREAM_CHUNK);
		err = unix_msg_make(sk, it, chunk, scm, &m);
		if (err)
			break;
		unix_enqueue(sk->peer, m);
		done += chunk;
		if (!total)
			break;
	}
	return done ? (long)done : err;
}

/* Whether a datagram from sk may join to's queue now: 0, 1 (wait for room), or errno. */
static int unix_dgram_check(struct unix_sock *sk, struct unix_sock *to)
{
	if (to->dead)
		return sk->type == SOCK_SEQPACKET ? -EPIPE : -ECONNREFUSED;
	if (sk->type == SOCK_DGRAM && to->peer && to->peer != sk)
		return -EPERM;
	if (to->shut & UNIX_SHUT_RCV)
		return -EPIPE;
	if (sk->wmem >= (size_t)sk->sndbuf)
		return 1;
	if (to->peer != sk && to->rq_len > UNIX_DGRAM_QLEN)
		return 2;
	return 0;
}

/* Datagrams and records: one message each, to to (referenced by the caller) or the
 * peer. A datagram peer found dead is forgotten (the next send is ENOTCONN). */
static long unix_dgram_send(struct unix_sock *sk, struct file *f, struct unix_iter *it,
			    struct unix_sock *to, struct unix_scm *scm, unsigned int flags)
{
	size_t len = it->total;
	uint64_t deadline = 0;
	struct unix_msg *m = NULL;
	struct unix_sock *dest;
	long err;

	if (sk->type == SOCK_SEQPACKET) {
		if (sk->state != UNIX_CONNECTED)
			return -ENOTCONN;
		to = NULL;      /* a record's address is ignored, as on Linux */
	}
	if (len > (size_t)sk->sndbuf - UNIX_DGRAM_OVERHEAD)
		return -EMSGSIZE;
	if (sk->shut & UNIX_SHUT_SEND)
		return -EPIPE;
	dest = to ? to : sk->peer;
	if (!dest)
		return -ENOTCONN;
	unix_sock_get(dest);
	for (;;) {
		err = unix_dgram_check(sk, dest);
		if (err <= 0)
			break;
		err = unix_wait(err == 1 ? &sk->wr_wait : &dest->wr_wait, f, flags,
				sk->sndtimeo_ns, &deadline);
		if (err)
			break;
	}
	if (err == -ECONNREFUSED && dest == sk->peer) {
		sk->peer = NULL;
		sk->state = UNIX_UNCONNECTED;
		unix_sock_put(dest);
	}
	if (err == -EPIPE && sk->type == SOCK_SEQPACKET && !(flags & MSG_NOSIGNAL))
		signal_send_sigpipe();
	if (!err)
		err = unix_msg_make(sk, it, len, scm, &m);
	if (!err)
		unix_enqueue(dest, m);
	unix_sock_put(dest);
	return err ? err : (long)len;
}

long unix_send(struct unix_sock *sk, struct file *f, struct unix_iter *it,
	       struct unix_sock *to, struct unix_scm *scm, unsigned int flags)
{
	long r;

	file_get(f);
	if (sk->type == SOCK_STREAM)
		r = to ? (sk->state == UNIX_CONNECTED ? -EISCONN : -EOPNOTSUPP)
		       : unix_stream_send(sk, f, it, scm, flags);
	else
		r = unix_dgram_send(sk, f, it, to, scm, flags);
	file_put(f);
	unix_scm_drop(scm);
	return r;
}

/* Hands m's files and credentials to the receive (a peek hands copies). */
static void unix_recv_take_scm(struct unix_msg *m, struct unix_recv_info *info, bool peek)
{
	unsigned int k;

	info->scm.has_cred = true;
	info->scm.cred = m->cred;
	if (!m->nfiles || info->scm.nfiles)
		return;
	if (peek) {
		info->scm.files = kcalloc(m->nfiles, sizeof(struct file *));
		if (!info->scm.files)
			return;
		for (k = 0; k < m->nfiles; k++) {
			info->scm.files[k] = m->files[k];
			file_get(m->files[k]);
		}
	} else {
		info->scm.files = m->files;
		m->files = NULL;
	}
	info->scm.nfiles = m->nfiles;
	if (!peek)
		m->nfiles = 0;
}

/* What ends a wait for data: -errno, 0 for end of file, 1 to wait. */
static int unix_recv_empty(struct unix_sock *sk)
{
	int err = sk->err;

	if (err) {
		sk->err = 0;
		return -err;
	}
	return (sk->shut & UNIX_SHUT_RCV) ? 0 : 1;
}

static void unix_recv_from(struct unix_msg *m, struct unix_recv_info *info)
{
	if (m->sender->addr.len)
		info->from = m->sender->addr;
}

static long unix_stream_recv(struct unix_sock *sk, struct file *f, struct unix_iter *it,
			     unsigned int flags, struct unix_recv_info *info)
{
	size_t total = it->total, copied = 0, target = (flags & MSG_WAITALL) ? total : 1;
	bool peek = flags & MSG_PEEK;
	size_t skip = 0;          /* a peek's bytes already seen in the queue */
	uint64_t deadline = 0;
	struct unix_msg *m;
	long err = 0;

	if (sk->state != UNIX_CONNECTED)
		return -EINVAL;
	if (!total)
		return 0;
	while (copied < total) {
		size_t off, n;
		long got;

		for (m = sk->rq_head, off = skip; m && off >= m->len - m->off; m = m->next)
			off -= m->len - m->off;
		if (!m) {
			if (copied >= target)
				break;
			err = unix_recv_empty(sk);
			if (err == 1)
				err = unix_wait(&sk->rd_wait, f, flags, sk->rcvtimeo_ns,
						&deadline);
			if (err)
				break;
			if (!(sk->shut & UNIX_SHUT_RCV) || sk->rq_head)
				continue;
			break;
		}
		/* Files travel with their own message: none is merged with another's. */
		if (copied && m->nfiles)
			break;
		if (!copied)
			unix_recv_from(m, info);
		n = MIN(total - copied, m->len - m->off - off);
		got = unix_iter_to(it, m->data + m->off + off, n);
		if (got < 0) {
			err = got;
			break;
		}
		copied += (size_t)got;
		unix_recv_take_scm(m, info, peek);
		if (peek) {
			skip += (size_t)got;
		} else {
			m->off += (size_t)got;
			sk->rq_bytes -= (size_t)got;
			if (m->off == m->len)
				unix_msg_free(unix_dequeue(sk));
			else
				unix_sock_wake(m->sender);
		}
		if ((size_t)got < n || info->scm.nfiles)
			break;
	}
	return copied ? (long)copied : err;
}

static long unix_dgram_recv(struct unix_sock *sk, struct file *f, struct unix_iter *it,
			    unsigned int flags, struct unix_recv_info *info)
{
	bool peek = flags & MSG_PEEK;
	uint64_t deadline = 0;
	struct unix_msg *m;
	long err, got;
	size_t n;

	if (sk->type == SOCK_SEQPACKET && sk->state != UNIX_CONNECTED)
		return sk->state == UNIX_LISTENING ? -EINVAL : -ENOTCONN;
	while (!sk->rq_head) {
		err = unix_recv_empty(sk);
		if (err == 1)
			err = unix_wait(&sk->rd_wait, f, flags, sk->rcvtimeo_ns, &deadline);
		if (err)
			return err;
		if (!sk->rq_head && (sk->shut & UNIX_SHUT_RCV))
			return 0;
	}
	m = sk->rq_head;
	n = MIN(it->total, m->len);
	got = unix_iter_to(it, m->data, n);
	if (got < 0)
		return got;
	if (m->len > n)
		info->msg_flags |= MSG_TRUNC;
	unix_recv_from(m, info);
	unix_recv_take_scm(m, info, peek);
	n = (flags & MSG_TRUNC) ? m->len : (size_t)got;
	if (!peek)
		unix_msg_free(unix_dequeue(sk));
	return (long)n;
}

long unix_recv(struct unix_sock *sk, struct file *f, struct unix_iter *it,
	       unsigned int flags, struct unix_recv_info *info)
{
	long r;

	file_get(f);
	if (sk->type == SOCK_STREAM)
		r = unix_stream_recv(sk, f, it, flags, info);
	else
		r = unix_dgram_recv(sk, f, it, flags, info);
	file_put(f);
	return r;
}
