/* net/addr.c: AF_UNIX addresses: bind to a path or an abstract name, autobind, finding
 * the socket an address names, and getsockname/getpeername.
 *
 * The abstract namespace is the one table of this file: a list of the sockets bound to
 * an abstract name, threaded through the sockets themselves. A socket leaves it when it
 * is released, and every socket is released before the machine ends, so the table is
 * empty again at teardown and owns no memory of its own. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/stat.h>
#include <fs/fs_syscalls.h>
#include <fs/inode.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <net/socket.h>
#include <net/unix.h>
#include <process/process.h>

static struct {
	struct unix_sock *first;
	unsigned int next_auto;     /* autobind's next name */
} unix_abstract;

static bool unix_addr_is_abstract(const struct unix_addr *a)
{
	return a->len > UNIX_ADDR_FAMILY_LEN && a->sun.sun_path[0] == '\0';
}

/* Linux's unix_validate_addr and unix_mkname_bsd: a path address is cut at its first
 * NUL and its length is then the path's, its NUL and the family. */
int unix_addr_from_user(const void __user *uaddr, int len, struct unix_addr *out)
{
	memset(out, 0, sizeof(*out));
	if (len < 0 || (size_t)len > sizeof(struct sockaddr_un))
		return -EINVAL;
	if (copy_from_user(&out->sun, uaddr, (size_t)len))
		return -EFAULT;
	if (len < (int)sizeof(uint16_t) || out->sun.sun_family != AF_UNIX)
		return -EINVAL;
	out->len = len;
	if (len > UNIX_ADDR_FAMILY_LEN && !unix_addr_is_abstract(out))
		out->len = (int)(strlen(out->sun.sun_path) + UNIX_ADDR_FAMILY_LEN + 1);
	return 0;
}

int unix_addr_to_user(const struct unix_addr *a, void __user *uaddr, int __user *ulen)
{
	int len;

	if (copy_from_user(&len, ulen, sizeof(len)))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (len > a->len)
		len = a->len;
	if (len && copy_to_user(uaddr, a->raw, (size_t)len))
		return -EFAULT;
	if (copy_to_user(ulen, &a->len, sizeof(a->len)))
		return -EFAULT;
	return 0;
}

static struct unix_sock *unix_abstract_find(const struct unix_addr *a, int type)
{
	struct unix_sock *s;

	for (s = unix_abstract.first; s; s = s->abstract_next)
		if (s->type == type && s->addr.len == a->len &&
		    !memcmp(s->addr.raw, a->raw, (size_t)a->len))
			return s;
	return NULL;
}

static int unix_bind_abstract(struct unix_sock *sk, const struct unix_addr *a)
{
	/* Abstract names are per socket type, as Linux hashes them. */
	if (unix_abstract_find(a, sk->type))
		return -EADDRINUSE;
	sk->addr = *a;
	sk->abstract_next = unix_abstract.first;
	unix_abstract.first = sk;
	return 0;
}

/* Makes the S_IFSOCK node (mode 0777 less the umask, as Linux's sockets have) and ties it
 * to sk; the node outlives the socket, as on Linux, but no longer names it then. */
static int unix_bind_path(struct unix_sock *sk, const struct unix_addr *a)
{
	struct process *p = process_current();
	struct fs_parent par;
	struct inode *i;
	int err;

	err = path_lookup_parent(p->root, p->cwd, a->sun.sun_path, &par.dir, &par.name,
				 &par.len, &par.must_dir);
	if (err)
		return err;
	err = fs_may_create(p, &par);
	if (!err)
		err = ramfs_create(par.dir, par.name, par.len,
				   S_IFSOCK | (0777 & ~p->umask), &i);
	if (err)
		return err == -EEXIST ? -EADDRINUSE : err;
	i->uid = p->cred.fsuid;
	i->gid = p->cred.fsgid;
	inode_get(i);
	i->priv = sk;
	sk->node = i;
	sk->addr = *a;
	return 0;
}

/* Linux makes the node before it sees the socket is bound: a taken path is
 * EADDRINUSE even then. */
static int unix_bind_again(const struct unix_addr *a)
{
	struct process *p = process_current();
	struct inode *i;

	if (!unix_addr_is_abstract(a) &&
	    path_lookup(p->root, p->cwd, a->sun.sun_path, 0, &i) == 0)
		return -EADDRINUSE;
	return -EINVAL;
}

int unix_bind(struct unix_sock *sk, const struct unix_addr *a)
{
	if (sk->addr.len)
		return unix_bind_again(a);
	return unix_addr_is_abstract(a) ? unix_bind_abstract(sk, a) : unix_bind_path(sk, a);
}

/* Linux's autobind: an abstract name of five hex digits; a socket already bound keeps
 * its address. */
int unix_autobind(struct unix_sock *sk)
{
	static const char hex[] = "0123456789abcdef";
	struct unix_addr a;
	unsigned int tries, k, n;

	if (sk->addr.len)
		return 0;
	for (tries = 0; tries <= 0xfffff; tries++) {
		n = unix_abstract.next_auto++ & 0xfffff;
		memset(&a, 0, sizeof(a));
		a.sun.sun_family = AF_UNIX;
		for (k = 0; k < 5; k++)
			a.sun.sun_path[1 + k] = hex[(n >> (4 * (4 - k))) & 0xf];
		a.len = UNIX_ADDR_FAMILY_LEN + 6;
		if (!unix_abstract_find(&a, sk->type))
			return unix_bind_abstract(sk, &a);
	}
	return -ENOSPC;
}

void unix_unbind(struct unix_sock *sk)
{
	struct unix_sock **link;

	if (sk->node) {
		if (sk->node->priv == sk)
			sk->node->priv = NULL;
		inode_put(sk->node);
		sk->node = NULL;
	}
	for (link = &unix_abstract.first; *link; link = &(*link)->abstract_next)
		if (*link == sk) {
			*link = sk->abstract_next;
			break;
		}
	sk->abstract_next = NULL;
}

/* Linux's unix_find_bsd: the node must be writable to connect; a node nobody is bound
 * to refuses the connection. */
static int unix_lookup_path(const struct unix_addr *a, int type, struct unix_sock **out)
{
	struct process *p = process_current();
	struct unix_sock *sk;
	struct inode *i;
	int err;

	err = path_lookup(p->root, p->cwd, a->sun.sun_path, LOOKUP_FOLLOW, &i);
	if (err)
		return err;
	err = fs_permission(p, i, MAY_WRITE);
	if (err)
		return err;
	/* priv names a socket only on ramfs inodes (no ops); other file systems use it. */
	if (!S_ISSOCK(i->mode) || i->ops || !i->priv)
		return -ECONNREFUSED;
	sk = i->priv;
	if (sk->type != type)
		return -EPROTOTYPE;
	unix_sock_get(sk);
	*out = sk;
	return 0;
}

int unix_lookup(const struct unix_addr *a, int type, struct unix_sock **out)
{
	struct unix_sock *sk;

	if (a->len <= UNIX_ADDR_FAMILY_LEN)
		return -EINVAL;
	if (!unix_addr_is_abstract(a))
		return unix_lookup_path(a, type, out);
	sk = unix_abstract_find(a, type);
	if (!sk)
		return -ECONNREFUSED;
	unix_sock_get(sk);
	*out = sk;
	return 0;
}

long sys_bind(int fd, const void __user *uaddr, int addrlen)
{
	struct unix_sock *sk;
	struct unix_addr a;
	int err;

	err = unix_sock_from_fd(fd, &sk, NULL);
	if (err)
		return err;
	err = unix_addr_from_user(uaddr, addrlen, &a);
	if (err)
		return err;
	if (a.len == UNIX_ADDR_FAMILY_LEN)
		return unix_autobind(sk);
	return unix_bind(sk, &a);
}

/* An unbound socket's name is the family alone. */
static int unix_name_to_user(const struct unix_sock *sk, void __user *uaddr,
			     int __user *ulen)
{
	struct unix_addr unbound;

	if (sk->addr.len)
		return unix_addr_to_user(&sk->addr, uaddr, ulen);
	memset(&unbound, 0, sizeof(unbound));
	unbound.len = UNIX_ADDR_FAMILY_LEN;
	unbound.sun.sun_family = AF_UNIX;
	return unix_addr_to_user(&unbound, uaddr, ulen);
}

long sys_getsockname(int fd, void __user *uaddr, int __user *ulen)
{
	struct unix_sock *sk;
	int err = unix_sock_from_fd(fd, &sk, NULL);

	return err ? err : unix_name_to_user(sk, uaddr, ulen);
}

long sys_getpeername(int fd, void __user *uaddr, int __user *ulen)
{
	struct unix_sock *sk;
	int err = unix_sock_from_fd(fd, &sk, NULL);

	if (err)
		return err;
	if (!sk->peer || (sk->type != SOCK_DGRAM && sk->state != UNIX_CONNECTED))
		return -ENOTCONN;
	return unix_name_to_user(sk->peer, uaddr, ulen);
}
