/* net/unix.h: AF_UNIX sockets inside services/net: the socket, its queued messages, and
 * the operations the syscall files share. Other subsystems use net/socket.h.
 *
 * Keel's kernel switches tasks only where a task sleeps, so no locks: every sleep is
 * followed by a fresh look at the state, and a reference held across it keeps the socket
 * alive. */
#ifndef SERVICES_NET_UNIX_H
#define SERVICES_NET_UNIX_H

#include <ostd/sync.h>
#include <ostd/types.h>
#include <abi/socket.h>
#include <abi/uio.h>
#include <abi/un.h>
#include <fs/file.h>
#include <fs/poll.h>

struct inode;

/* Linux's net.core.wmem_default/rmem_default and their _max: what SO_SNDBUF starts at,
 * and the most a request may ask for (the value is then doubled). */
#define UNIX_BUF_DEFAULT 212992
#define UNIX_BUF_MAX     212992
#define UNIX_SNDBUF_MIN  4608
#define UNIX_RCVBUF_MIN  2304
/* A datagram must fit in the send buffer less this (Linux's skb head room). */
#define UNIX_DGRAM_OVERHEAD 32
/* net.unix.max_dgram_qlen: a datagram queue longer than this is full for senders that
 * are not the receiver's own peer. */
#define UNIX_DGRAM_QLEN 10
/* The largest piece a stream write queues as one message. */
#define UNIX_STREAM_CHUNK 65536

enum unix_state {
	UNIX_UNCONNECTED,
	UNIX_LISTENING,
	UNIX_CONNECTED,
};

/* sk->shut bits, Linux's RCV_SHUTDOWN and SEND_SHUTDOWN. */
#define UNIX_SHUT_RCV  1u
#define UNIX_SHUT_SEND 2u
#define UNIX_SHUT_BOTH 3u

struct unix_sock;

/* An address as bound: len bytes of a struct sockaddr_un (the family included). */
struct unix_addr {
	int len;
	union {
		struct sockaddr_un sun;
		/* A path of all 108 bytes gets a NUL past them, as on Linux. */
		char raw[sizeof(struct sockaddr_un) + 2];
	};
};

/* One queued message (a datagram, a record, or a piece of a stream). It holds a
 * reference on its sender, whose wmem counts its bytes until it is read, and one on
 * each file it carries (SCM_RIGHTS). */
struct unix_msg {
	struct unix_msg *next;
	struct unix_sock *sender;
	size_t len;
	size_t off;                 /* stream: bytes already read */
	struct ucred cred;          /* the sender's, for SCM_CREDENTIALS */
	struct file **files;
	unsigned int nfiles;
	char data[];
};

struct unix_sock {
	int refs;
	int type;                   /* SOCK_STREAM, SOCK_DGRAM or SOCK_SEQPACKET */
	enum unix_state state;
	unsigned int shut;          /* UNIX_SHUT_* */
	bool dead;                  /* released: no new messages or connections */
	int err;                    /* pending SO_ERROR (positive errno) */
	uint64_t ino;
	struct file *file;          /* its open file (no reference), NULL for an embryo */

	struct unix_sock *peer;     /* referenced */
	struct unix_msg *rq_head, *rq_tail;   /* the receive queue */
	size_t rq_bytes;
	unsigned int rq_len;
	size_t wmem;                /* bytes it sent that nobody has read yet */

	/* Listening: connections not yet accepted (embryos, referenced), oldest first. */
	struct unix_sock *pending_head, *pending_tail, *next_pending;
	unsigned int npending;
	unsigned int backlog;
	struct unix_sock *listener;   /* an embryo's (not referenced), until accepted */

	struct unix_addr addr;      /* len 0: unbound */
	struct inode *node;         /* the S_IFSOCK inode bound to (referenced), or NULL */
	struct unix_sock *abstract_next;   /* in the abstract namespace table */

	bool has_peercred;
	struct ucred peercred;
	bool passcred;
	bool reuseaddr;
	bool keepalive;
	int sndbuf, rcvbuf;
	uint64_t rcvtimeo_ns, sndtimeo_ns;   /* SO_RCVTIMEO/SO_SNDTIMEO; 0: wait forever */

	waitqueue_t rd_wait;        /* readers and accepters waiting for something to come */
	waitqueue_t wr_wait;        /* senders waiting for room, connectors for the backlog */
	struct poll_head poll;
};

/* The file of a socket: the file first, so file_put's kfree frees the whole of it. */
struct socket_file {
	struct file file;
	struct unix_sock *sk;
};

/* socket.c */
struct unix_sock *unix_sock_alloc(int type);
void unix_sock_get(struct unix_sock *sk);
void unix_sock_put(struct unix_sock *sk);
/* The socket is closed (its file, or an embryo never accepted): disconnect, unbind,
 * drop the queued messages and wake everyone. */
void unix_sock_release(struct unix_sock *sk);
/* A file over sk (which it references) with O_RDWR and O_NONBLOCK from flags. */
struct file *unix_file_alloc(struct unix_sock *sk, unsigned int flags);
/* The socket at fd: 0 and *out (not referenced), -EBADF, -ENOTSOCK. */
int unix_sock_from_fd(int fd, struct unix_sock **out, struct file **file);
/* Wakes whoever waits on or polls sk. */
void unix_sock_wake(struct unix_sock *sk);
/* The current process's pid, euid and egid, as SO_PEERCRED reports them. */
void unix_cred_current(struct ucred *c);

/* addr.c */
/* Copies and checks a user address: 0, -EINVAL, -EFAULT. */
int unix_addr_from_user(const void __user *uaddr, int len, struct unix_addr *out);
/* Writes a to a user address buffer of *ulen bytes, as Linux's move_addr_to_user: what
 * fits, and the full length to *ulen. 0, -EINVAL (negative *ulen), -EFAULT. */
int unix_addr_to_user(const struct unix_addr *a, void __user *uaddr, int __user *ulen);
int unix_bind(struct unix_sock *sk, const struct unix_addr *a);
int unix_autobind(struct unix_sock *sk);
/* The bound socket an address names: a reference, or -ENOENT, -EACCES, -ECONNREFUSED,
 * -EPROTOTYPE (a socket of another type). */
int unix_lookup(const struct unix_addr *a, int type, struct unix_sock **out);
void unix_unbind(struct unix_sock *sk);

/* msg.c: moving bytes. */
struct unix_iter {
	struct iovec *iov;
	unsigned long count;
	unsigned long idx;
	uint64_t off;               /* into iov[idx] */
	uint64_t total;             /* bytes left */
};
/* Copies between the iterator's user memory and kernel memory: bytes moved or -EFAULT
 * when none were. */
/* One wait of a socket call on wq: 0 when woken, -EAGAIN once timeo_ns (the socket's
 * SO_RCVTIMEO or SO_SNDTIMEO, 0: none) has passed since the call's first wait (*deadline,
 * 0 until then), -ERESTARTSYS on a signal, or -EINTR with a timeout set (Linux's
 * sock_intr_errno). Connect waits with SO_SNDTIMEO, accept with SO_RCVTIMEO. */
int unix_sleep(waitqueue_t *wq, uint64_t timeo_ns, uint64_t *deadline);
long unix_iter_from(struct unix_iter *it, void *dst, size_t n);
long unix_iter_to(struct unix_iter *it, const void *src, size_t n);

/* What a send or receive carries besides the bytes. */
struct unix_scm {
	struct file **files;        /* referenced */
	unsigned int nfiles;
	bool has_cred;
	struct ucred cred;
};

void unix_scm_drop(struct unix_scm *scm);
/* Sends it->total bytes to to (NULL: the peer); -errno or bytes. Takes the files. */
long unix_send(struct unix_sock *sk, struct file *f, struct unix_iter *it,
	       struct unix_sock *to, struct unix_scm *scm, unsigned int flags);
/* The result of a receive beyond the count. */
struct unix_recv_info {
	struct unix_addr from;      /* len 0: the sender had no address */
	struct unix_scm scm;        /* files handed to the caller */
	unsigned int msg_flags;     /* MSG_TRUNC, MSG_CTRUNC */
};
long unix_recv(struct unix_sock *sk, struct file *f, struct unix_iter *it,
	       unsigned int flags, struct unix_recv_info *info);
void unix_msg_free(struct unix_msg *m);

/* scm.c */
/* Reads the control messages of a send: 0, -EINVAL, -EBADF, -EFAULT, -EPERM, -ETOOMANYREFS. */
int unix_scm_from_user(struct unix_sock *to, const void __user *ctl, uint64_t len,
		       struct unix_scm *scm);
/* Writes the control messages of a receive; installs the files. Returns the bytes used
 * and sets MSG_CTRUNC in *flags for what did not fit. */
long unix_scm_to_user(struct unix_sock *sk, struct unix_recv_info *info, void __user *ctl,
		      uint64_t len, unsigned int flags);

#endif
