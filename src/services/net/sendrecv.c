/* net/sendrecv.c: sendto, recvfrom, sendmsg and recvmsg: their user structures (the
 * message header, its iovecs, address and control buffers) checked and copied in, and
 * the results copied out. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <fs/file.h>
#include <net/socket.h>
#include <net/unix.h>

/* Copies count iovecs in and checks their sum: 0, -EMSGSIZE, -EINVAL, -EFAULT, -ENOMEM. */
static int unix_iter_load(struct unix_iter *it, uint64_t uiov, uint64_t count)
{
	uint64_t k;

	memset(it, 0, sizeof(*it));
	if (count > UIO_MAXIOV)
		return -EMSGSIZE;
	if (!count)
		return 0;
	it->iov = kcalloc(count, sizeof(struct iovec));
	if (!it->iov)
		return -ENOMEM;
	if (copy_array_from_user(it->iov, uaddr_ptr(uiov), count, sizeof(struct iovec))) {
		kfree(it->iov);
		it->iov = NULL;
		return -EFAULT;
	}
	it->count = count;
	for (k = 0; k < count; k++) {
		if (it->iov[k].iov_len > (uint64_t)INT64_MAX - it->total) {
			kfree(it->iov);
			it->iov = NULL;
			return -EINVAL;
		}
		it->total += it->iov[k].iov_len;
	}
	return 0;
}

/* The socket a send goes to: the one an address names (referenced), or NULL for the
 * peer. A stream socket takes no address. */
static int unix_send_target(struct unix_sock *sk, const void __user *uaddr, int addrlen,
			    struct unix_sock **to)
{
	struct unix_addr a;
	int err;

	*to = NULL;
	if (!uaddr || !addrlen || sk->type == SOCK_SEQPACKET)
		return 0;
	if (sk->type == SOCK_STREAM)
		return sk->state == UNIX_CONNECTED ? -EISCONN : -EOPNOTSUPP;
	err = unix_addr_from_user(uaddr, addrlen, &a);
	if (err)
		return err;
	return unix_lookup(&a, sk->type, to);
}

/* A send of the gathered it with control buffer ctl. */
static long unix_do_send(int fd, struct unix_iter *it, const void __user *uaddr,
			 int addrlen, const void __user *ctl, uint64_t ctllen, unsigned int flags)
{
	struct unix_sock *sk, *to;
	struct unix_scm scm;
	struct file *f;
	long r;

	r = unix_sock_from_fd(fd, &sk, &f);
	if (r)
		return r;
	r = unix_send_target(sk, uaddr, addrlen, &to);
	if (r)
		return r;
	r = unix_scm_from_user(to ? to : sk->peer, ctl, ctllen, &scm);
	if (!r)
		r = unix_send(sk, f, it, to, &scm, flags);
	if (to)
		unix_sock_put(to);
	return r;
}

long sys_sendto(int fd, const void __user *buf, size_t len, unsigned int flags,
		const void __user *addr, int addrlen)
{
	struct iovec iov = { uptr_addr(buf), len };
	struct unix_iter it = { &iov, 1, 0, 0, len };

	return unix_do_send(fd, &it, addr, addrlen, NULL, 0, flags);
}

long sys_sendmsg(int fd, const struct user_msghdr __user *umsg, unsigned int flags)
{
	struct user_msghdr msg;
	struct unix_iter it;
	long r;

	if (copy_from_user(&msg, umsg, sizeof(msg)))
		return -EFAULT;
	r = unix_iter_load(&it, msg.msg_iov, msg.msg_iovlen);
	if (r)
		return r;
	r = unix_do_send(fd, &it, msg.msg_name ? uaddr_ptr(msg.msg_name) : NULL,
			 msg.msg_namelen, uaddr_ptr(msg.msg_control), msg.msg_controllen, flags);
	kfree(it.iov);
	return r;
}

/* A receive into it; the sender's address goes to uaddr (*ulen bytes) when not NULL,
 * the control messages to ctl (ctllen bytes, the length used to *ctlused). */
static long unix_do_recv(int fd, struct unix_iter *it, unsigned int flags,
			 struct unix_recv_info *info, void __user *ctl, uint64_t *ctllen)
{
	struct unix_sock *sk;
	struct file *f;
	long r, used;

	memset(info, 0, sizeof(*info));
	r = unix_sock_from_fd(fd, &sk, &f);
	if (r)
		return r;
	r = unix_recv(sk, f, it, flags, info);
	if (r >= 0 && ctllen) {
		used = unix_scm_to_user(sk, info, ctl, *ctllen, flags);
		if (used < 0)
			r = used;
		else
			*ctllen = (uint64_t)used;
	}
	unix_scm_drop(&info->scm);
	return r;
}

long sys_recvfrom(int fd, void __user *buf, size_t len, unsigned int flags,
		  void __user *addr, int __user *addrlen)
{
	struct iovec iov = { uptr_addr(buf), len };
	struct unix_iter it = { &iov, 1, 0, 0, len };
	struct unix_recv_info info;
	long r = unix_do_recv(fd, &it, flags, &info, NULL, NULL);
	int err;

	if (r >= 0 && addr) {
		err = unix_addr_to_user(&info.from, addr, addrlen);
		if (err)
			return err;
	}
	return r;
}

/* Writes back what recvmsg changes in the user's header: name length, control length,
 * flags. */
static int unix_msghdr_update(struct user_msghdr __user *umsg, const struct user_msghdr *msg)
{
	struct user_msghdr out;

	if (copy_from_user(&out, umsg, sizeof(out)))
		return -EFAULT;
	out.msg_namelen = msg->msg_namelen;
	out.msg_controllen = msg->msg_controllen;
	out.msg_flags = msg->msg_flags;
	return copy_to_user(umsg, &out, sizeof(out)) ? -EFAULT : 0;
}

long sys_recvmsg(int fd, struct user_msghdr __user *umsg, unsigned int flags)
{
	struct unix_recv_info info;
	struct user_msghdr msg;
	struct unix_iter it;
	int namelen;
	long r;
	int err;

	if (copy_from_user(&msg, umsg, sizeof(msg)))
		return -EFAULT;
	if (msg.msg_name && msg.msg_namelen < 0)
		return -EINVAL;
	r = unix_iter_load(&it, msg.msg_iov, msg.msg_iovlen);
	if (r)
		return r;
	r = unix_do_recv(fd, &it, flags, &info, uaddr_ptr(msg.msg_control),
			 &msg.msg_controllen);
	kfree(it.iov);
	if (r < 0)
		return r;
	namelen = 0;
	if (msg.msg_name) {
		namelen = MIN(msg.msg_namelen, info.from.len);
		if (namelen && copy_to_user(uaddr_ptr(msg.msg_name), info.from.raw,
					    (size_t)namelen))
			return -EFAULT;
		namelen = info.from.len;
	}
	msg.msg_namelen = namelen;
	msg.msg_flags = (int)info.msg_flags;
	err = unix_msghdr_update(umsg, &msg);
	return err ? err : r;
}

long socket_file_vector(struct file *f, const void __user *uiov, int iovcnt, bool write)
{
	struct unix_sock *sk = ((struct socket_file *)f)->sk;
	struct unix_recv_info info;
	struct unix_scm scm;
	struct unix_iter it;
	long r;

	if (iovcnt < 0 || iovcnt > UIO_MAXIOV)
		return -EINVAL;
	r = unix_iter_load(&it, uptr_addr(uiov), (uint64_t)iovcnt);
	if (r)
		return r;
	if (write) {
		memset(&scm, 0, sizeof(scm));
		r = unix_send(sk, f, &it, NULL, &scm, 0);
	} else {
		memset(&info, 0, sizeof(info));
		r = unix_recv(sk, f, &it, 0, &info);
		unix_scm_drop(&info.scm);
	}
	kfree(it.iov);
	return r;
}
