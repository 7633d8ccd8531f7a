/* net/scm.c: control messages: SCM_RIGHTS (open files passed to another socket) and
 * SCM_CREDENTIALS (the sender's pid, uid and gid).
 *
 * Linux collects cycles of sockets in flight with a garbage collector. Keel has none, so
 * it refuses (-ETOOMANYREFS) to put a socket in flight when that could close a cycle: a
 * socket passed must not be the receiver itself, nor the listener of an embryo receiver,
 * nor hold any socket in flight in its own queue (or its embryos'). Then no socket in
 * flight holds another one, no cycle can form, and closing a socket's last descriptor
 * always frees what its queue holds. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <fs/file.h>
#include <net/socket.h>
#include <net/unix.h>
#include <process/process.h>

/* Linux's net.core.optmem_max: the most control data a send may carry. */
#define UNIX_CONTROL_MAX 20480

static bool unix_queue_holds_socket(const struct unix_sock *sk)
{
	const struct unix_msg *m;
	unsigned int k;

	for (m = sk->rq_head; m; m = m->next)
		for (k = 0; k < m->nfiles; k++)
			if (file_is_socket(m->files[k]))
				return true;
	return false;
}

static bool unix_may_fly(struct file *f, const struct unix_sock *to)
{
	const struct unix_sock *s, *e;

	if (!file_is_socket(f))
		return true;
	s = ((struct socket_file *)f)->sk;
	if (s == to || s == to->listener || unix_queue_holds_socket(s))
		return false;
	for (e = s->pending_head; e; e = e->next_pending)
		if (unix_queue_holds_socket(e))
			return false;
	return true;
}

/* Appends n descriptors' files to scm. */
static int unix_scm_add_fds(struct unix_sock *to, const int *fds, unsigned int n,
			    struct unix_scm *scm)
{
	struct fdtable *fdt = process_current()->fdt;
	struct file **files;
	unsigned int k;

	if (scm->nfiles + n > SCM_MAX_FD)
		return -EINVAL;
	files = krealloc(scm->files, (scm->nfiles + n) * sizeof(*files));
	if (!files)
		return -ENOMEM;
	scm->files = files;
	for (k = 0; k < n; k++) {
		struct file *f = fdtable_get(fdt, fds[k]);

		if (!f)
			return -EBADF;
		if (to && !unix_may_fly(f, to))
			return -ETOOMANYREFS;
		file_get(f);
		files[scm->nfiles++] = f;
	}
	return 0;
}

/* Linux's scm_check_creds: one's own pid, and ids one holds, unless root. */
static int unix_scm_check_cred(const struct ucred *c)
{
	struct process *p = process_current();
	const struct cred *cr = &p->cred;

	if (cred_is_root(cr))
		return 0;
	if (c->pid != p->pid)
		return -EPERM;
	if (c->uid != cr->uid && c->uid != cr->euid && c->uid != cr->suid)
		return -EPERM;
	if (c->gid != cr->gid && c->gid != cr->egid && c->gid != cr->sgid)
		return -EPERM;
	return 0;
}

static int unix_scm_one(struct unix_sock *to, const struct cmsghdr *h, const char *data,
			size_t dlen, struct unix_scm *scm)
{
	struct ucred c;
	int err;

	if (h->cmsg_level != SOL_SOCKET)
		return 0;           /* Linux ignores other levels on AF_UNIX */
	switch (h->cmsg_type) {
	case SCM_RIGHTS:
		return unix_scm_add_fds(to, (const int *)data, (unsigned int)(dlen / sizeof(int)),
					scm);
	case SCM_CREDENTIALS:
		if (dlen != sizeof(c))
			return -EINVAL;
		memcpy(&c, data, sizeof(c));
		err = unix_scm_check_cred(&c);
		if (err)
			return err;
		scm->has_cred = true;
		scm->cred = c;
		return 0;
	default:
		return -EINVAL;
	}
}

/* Walks the copied control buffer; every header must lie inside it. */
static int unix_scm_parse(struct unix_sock *to, const char *buf, size_t len,
			  struct unix_scm *scm)
{
	size_t at = 0;
	int err;

	while (len - at >= sizeof(struct cmsghdr)) {
		struct cmsghdr h;

		memcpy(&h, buf + at, sizeof(h));
		if (h.cmsg_len < sizeof(h) || h.cmsg_len > len - at)
			return -EINVAL;
		err = unix_scm_one(to, &h, buf + at + CMSG_ALIGN(sizeof(h)),
				   (size_t)h.cmsg_len - CMSG_ALIGN(sizeof(h)), scm);
		if (err)
			return err;
		if (CMSG_ALIGN(h.cmsg_len) >= len - at)
			break;
		at += CMSG_ALIGN(h.cmsg_len);
	}
	return 0;
}

int unix_scm_from_user(struct unix_sock *to, const void __user *ctl, uint64_t len,
		       struct unix_scm *scm)
{
	char *buf;
	int err;

	memset(scm, 0, sizeof(*scm));
	if (!len)
		return 0;
	if (len > UNIX_CONTROL_MAX)
		return -ENOBUFS;
	if (len < sizeof(struct cmsghdr))
		return -EINVAL;
	buf = kmalloc(len);
	if (!buf)
		return -ENOMEM;
	err = copy_from_user(buf, ctl, len) ? -EFAULT : unix_scm_parse(to, buf, len, scm);
	kfree(buf);
	if (err)
		unix_scm_drop(scm);
	return err;
}

/* Writes one control message of dlen bytes at *at if it fits whole: true when it did. */
static int unix_cmsg_put(void __user *ctl, uint64_t len, uint64_t *at, int type,
			 const void *data, size_t dlen)
{
	struct cmsghdr h = { CMSG_LEN(dlen), SOL_SOCKET, type };
	uint64_t room = len - *at;

	if (room < CMSG_LEN(dlen))
		return 0;
	if (copy_to_user(uptr_add(ctl, *at), &h, sizeof(h)) ||
	    copy_to_user(uptr_add(ctl, *at + CMSG_ALIGN(sizeof(h))), data, dlen))
		return -EFAULT;
	*at += MIN(CMSG_SPACE(dlen), room);
	return 1;
}

/* Installs as many of the files as fit (Linux's scm_detach_fds); the rest are closed. */
static long unix_scm_put_files(struct unix_scm *scm, void __user *ctl, uint64_t len,
			       uint64_t *at, unsigned int flags, unsigned int *msg_flags)
{
	struct fdtable *fdt = process_current()->fdt;
	uint64_t room = len - *at;
	unsigned int fit = 0, k;
	int fds[SCM_MAX_FD];
	long r;

	if (room > sizeof(struct cmsghdr))
		fit = (unsigned int)MIN((room - sizeof(struct cmsghdr)) / sizeof(int),
					(uint64_t)scm->nfiles);
	for (k = 0; k < fit; k++) {
		int fd = fdtable_install(fdt, scm->files[k], 0, flags & MSG_CMSG_CLOEXEC);

		if (fd < 0)
			break;
		fds[k] = fd;
		scm->files[k] = NULL;      /* the table holds it now */
	}
	if (k < scm->nfiles)
		*msg_flags |= MSG_CTRUNC;
	r = k ? unix_cmsg_put(ctl, len, at, SCM_RIGHTS, fds, k * sizeof(int)) : 0;
	for (; k < scm->nfiles; k++)
		file_put(scm->files[k]);
	scm->nfiles = 0;
	return r < 0 ? r : 0;
}

long unix_scm_to_user(struct unix_sock *sk, struct unix_recv_info *info, void __user *ctl,
		      uint64_t len, unsigned int flags)
{
	uint64_t at = 0;
	long r;

	if (sk->passcred && info->scm.has_cred) {
		r = unix_cmsg_put(ctl, len, &at, SCM_CREDENTIALS, &info->scm.cred,
				  sizeof(info->scm.cred));
		if (r < 0)
			return r;
		if (!r)
			info->msg_flags |= MSG_CTRUNC;
	}
	if (info->scm.nfiles) {
		r = unix_scm_put_files(&info->scm, ctl, len, &at, flags, &info->msg_flags);
		if (r < 0)
			return r;
	}
	return (long)at;
}
