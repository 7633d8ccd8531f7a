/* net/sockopt.c: setsockopt and getsockopt at SOL_SOCKET for AF_UNIX sockets. Options
 * Keel does not keep are -ENOPROTOOPT; other levels are -EOPNOTSUPP, as Linux answers
 * for AF_UNIX, which has no options of its own. */
#include <ostd/errno.h>
#include <ostd/time.h>
#include <ostd/user_copy.h>
#include <abi/time.h>
#include <net/socket.h>
#include <net/unix.h>
#include <time/clock.h>

/* Linux's sock_setsockopt for the buffer sizes: capped, then doubled for overhead. */
static int unix_buf_size(int val, int min)
{
	if (val < 0)
		val = 0;
	if (val > UNIX_BUF_MAX)
		val = UNIX_BUF_MAX;
	return val * 2 < min ? min : val * 2;
}

static uint64_t *unix_timeo_field(struct unix_sock *sk, int optname)
{
	if (optname == SO_RCVTIMEO)
		return &sk->rcvtimeo_ns;
	return optname == SO_SNDTIMEO ? &sk->sndtimeo_ns : NULL;
}

/* Linux's sock_set_timeout: usec outside [0, 1 s) is EDOM, a negative time means "do not
 * wait" (the shortest timeout), zero means wait forever. */
static int unix_set_timeo(uint64_t *field, const void __user *optval, int optlen)
{
	struct timeval tv;

	if (optlen < (int)sizeof(tv))
		return -EINVAL;
	if (copy_from_user(&tv, optval, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EDOM;
	if (tv.tv_sec < 0) {
		*field = 1;
		return 0;
	}
	timeval_to_ns(&tv, field);
	if (*field == UINT64_MAX)
		*field = 0;     /* past 584 years: forever */
	return 0;
}

static void unix_get_timeo(uint64_t ns, struct timeval *tv)
{
	tv->tv_sec = (int64_t)(ns / NSEC_PER_SEC);
	tv->tv_usec = (int64_t)(ns % NSEC_PER_SEC / 1000);
}

long sys_setsockopt(int fd, int level, int optname, const void __user *optval, int optlen)
{
	struct unix_sock *sk;
	int val, err;

	err = unix_sock_from_fd(fd, &sk, NULL);
	if (err)
		return err;
	if (level != SOL_SOCKET)
		return -EOPNOTSUPP;
	if (unix_timeo_field(sk, optname))
		return unix_set_timeo(unix_timeo_field(sk, optname), optval, optlen);
	if (optlen < (int)sizeof(int))
		return -EINVAL;
	if (copy_from_user(&val, optval, sizeof(val)))
		return -EFAULT;
	switch (optname) {
	case SO_SNDBUF:
		sk->sndbuf = unix_buf_size(val, UNIX_SNDBUF_MIN);
		unix_sock_wake(sk);
		return 0;
	case SO_RCVBUF:
		sk->rcvbuf = unix_buf_size(val, UNIX_RCVBUF_MIN);
		return 0;
	case SO_REUSEADDR:
		sk->reuseaddr = val != 0;   /* kept for getsockopt; AF_UNIX ignores it */
		return 0;
	case SO_KEEPALIVE:
		sk->keepalive = val != 0;   /* likewise: programs set it on any socket */
		return 0;
	case SO_PASSCRED:
		sk->passcred = val != 0;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

/* An int option's value, or -ENOPROTOOPT. SO_ERROR is read and cleared. */
static int unix_sockopt_int(struct unix_sock *sk, int optname, int *val)
{
	switch (optname) {
	case SO_TYPE:       *val = sk->type; return 0;
	case SO_DOMAIN:     *val = AF_UNIX; return 0;
	case SO_PROTOCOL:   *val = 0; return 0;
	case SO_SNDBUF:     *val = sk->sndbuf; return 0;
	case SO_RCVBUF:     *val = sk->rcvbuf; return 0;
	case SO_REUSEADDR:  *val = sk->reuseaddr; return 0;
	case SO_KEEPALIVE:  *val = sk->keepalive; return 0;
	case SO_PASSCRED:   *val = sk->passcred; return 0;
	case SO_ACCEPTCONN: *val = sk->state == UNIX_LISTENING; return 0;
	case SO_ERROR:
		*val = sk->err;
		sk->err = 0;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

/* Linux copies min(*optlen, the value's size) bytes and stores that length back. */
long sys_getsockopt(int fd, int level, int optname, void __user *optval, int __user *optlen)
{
	struct unix_sock *sk;
	struct timeval tv;
	const void *src;
	int len, val, err;
	size_t size;

	err = unix_sock_from_fd(fd, &sk, NULL);
	if (err)
		return err;
	if (level != SOL_SOCKET)
		return -EOPNOTSUPP;
	if (copy_from_user(&len, optlen, sizeof(len)))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (optname == SO_PEERCRED) {
		src = &sk->peercred;
		size = sizeof(sk->peercred);
	} else if (unix_timeo_field(sk, optname)) {
		unix_get_timeo(*unix_timeo_field(sk, optname), &tv);
		src = &tv;
		size = sizeof(tv);
	} else {
		err = unix_sockopt_int(sk, optname, &val);
		if (err)
			return err;
		src = &val;
		size = sizeof(val);
	}
	if ((size_t)len > size)
		len = (int)size;
	if (copy_to_user(optval, src, (size_t)len) || copy_to_user(optlen, &len, sizeof(len)))
		return -EFAULT;
	return 0;
}
