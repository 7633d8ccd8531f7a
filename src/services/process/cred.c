/* process/cred.c: credentials and their syscalls, with Linux's permission rules
 * (credentials(7)): root (euid 0) may set any id; others may only move an id among the
 * values their real, effective and saved ids already hold. The fs ids follow the
 * effective ones. (unsigned int)-1 means "unchanged" in the setre and setres calls. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <process/cred.h>
#include <process/process.h>

#define CRED_KEEP ((unsigned int)-1)

void cred_init_root(struct cred *c)
{
	memset(c, 0, sizeof(*c));
}

bool cred_is_root(const struct cred *c)
{
	return c->euid == 0;
}

bool cred_in_group(const struct cred *c, unsigned int gid)
{
	unsigned int i;

	if (c->fsgid == gid)
		return true;
	for (i = 0; i < c->ngroups; i++)
		if (c->groups[i] == gid)
			return true;
	return false;
}

static struct cred *cred_current(void)
{
	return &process_current()->cred;
}

long sys_getuid(void)
{
	return cred_current()->uid;
}

long sys_geteuid(void)
{
	return cred_current()->euid;
}

long sys_getgid(void)
{
	return cred_current()->gid;
}

long sys_getegid(void)
{
	return cred_current()->egid;
}

/* The id triples as arrays, so the uid and gid rules share one implementation: [0] real,
 * [1] effective, [2] saved, [3] filesystem. */
static void cred_uids(struct cred *c, unsigned int *ids[4])
{
	ids[0] = &c->uid;
	ids[1] = &c->euid;
	ids[2] = &c->suid;
	ids[3] = &c->fsuid;
}

static void cred_gids(struct cred *c, unsigned int *ids[4])
{
	ids[0] = &c->gid;
	ids[1] = &c->egid;
	ids[2] = &c->sgid;
	ids[3] = &c->fsgid;
}

static bool cred_is_one_of(unsigned int *ids[4], unsigned int id)
{
	return id == *ids[0] || id == *ids[1] || id == *ids[2];
}

/* setuid: root sets all; others may set the effective id to the real or saved one. */
static long cred_set_one(unsigned int *ids[4], bool root, unsigned int id)
{
	if (id == CRED_KEEP)
		return -EINVAL;
	if (root) {
		*ids[0] = id;
		*ids[2] = id;
	} else if (id != *ids[0] && id != *ids[2]) {
		return -EPERM;
	}
	*ids[1] = id;
	*ids[3] = id;
	return 0;
}

/* setreuid: the real id may become the real or effective one, the effective id any of
 * the three; the saved id takes the new effective one when the real id was given or the
 * effective one changed away from the old real id. */
static long cred_set_re(unsigned int *ids[4], bool root, unsigned int r, unsigned int e)
{
	unsigned int old_r = *ids[0];

	if (!root) {
		if (r != CRED_KEEP && r != *ids[0] && r != *ids[1])
			return -EPERM;
		if (e != CRED_KEEP && !cred_is_one_of(ids, e))
			return -EPERM;
	}
	if (r != CRED_KEEP)
		*ids[0] = r;
	if (e != CRED_KEEP)
		*ids[1] = e;
	if (r != CRED_KEEP || (e != CRED_KEEP && e != old_r))
		*ids[2] = *ids[1];
	*ids[3] = *ids[1];
	return 0;
}

static long cred_set_res(unsigned int *ids[4], bool root, unsigned int r, unsigned int e,
			 unsigned int s)
{
	if (!root && ((r != CRED_KEEP && !cred_is_one_of(ids, r)) ||
		      (e != CRED_KEEP && !cred_is_one_of(ids, e)) ||
		      (s != CRED_KEEP && !cred_is_one_of(ids, s))))
		return -EPERM;
	if (r != CRED_KEEP)
		*ids[0] = r;
	if (e != CRED_KEEP)
		*ids[1] = e;
	if (s != CRED_KEEP)
		*ids[2] = s;
	*ids[3] = *ids[1];
	return 0;
}

/* setfsuid: always answers the old fs id; changes it when id is one of the four or the
 * caller is root. */
static long cred_set_fs(unsigned int *ids[4], bool root, unsigned int id)
{
	unsigned int old = *ids[3];

	if (id != CRED_KEEP && (root || cred_is_one_of(ids, id) || id == *ids[3]))
		*ids[3] = id;
	return old;
}

long sys_setuid(unsigned int uid)
{
	struct cred *c = cred_current();
	unsigned int *ids[4];

	cred_uids(c, ids);
	return cred_set_one(ids, cred_is_root(c), uid);
}

long sys_setgid(unsigned int gid)
{
	struct cred *c = cred_current();
	unsigned int *ids[4];

	cred_gids(c, ids);
	return cred_set_one(ids, cred_is_root(c), gid);
}

long sys_setreuid(unsigned int ruid, unsigned int euid)
{
	struct cred *c = cred_current();
	unsigned int *ids[4];

	cred_uids(c, ids);
	return cred_set_re(ids, cred_is_root(c), ruid, euid);
}

long sys_setregid(unsigned int rgid, unsigned int egid)
{
	struct cred *c = cred_current();
	unsigned int *ids[4];

	cred_gids(c, ids);
	return cred_set_re(ids, cred_is_root(c), rgid, egid);
}

long sys_setresuid(unsigned int ruid, unsigned int euid, unsigned int suid)
{
	struct cred *c = cred_current();
	unsigned int *ids[4];

	cred_uids(c, ids);
	return cred_set_res(ids, cred_is_root(c), ruid, euid, suid);
}

long sys_setresgid(unsigned int rgid, unsigned int egid, unsigned int sgid)
{
	struct cred *c = cred_current();
	unsigned int *ids[4];

	cred_gids(c, ids);
	return cred_set_res(ids, cred_is_root(c), rgid, egid, sgid);
}

long sys_setfsuid(unsigned int uid)
{
	struct cred *c = cred_current();
	unsigned int *ids[4];

	cred_uids(c, ids);
	return cred_set_fs(ids, cred_is_root(c), uid);
}

long sys_setfsgid(unsigned int gid)
{
	struct cred *c = cred_current();
	unsigned int *ids[4];

	cred_gids(c, ids);
	return cred_set_fs(ids, cred_is_root(c), gid);
}

/* Linux writes each id in turn and stops at the first fault. */
static long cred_put_three(unsigned int __user *a, unsigned int __user *b,
			   unsigned int __user *c, const unsigned int v[3])
{
	if (copy_to_user(a, &v[0], sizeof(v[0])) || copy_to_user(b, &v[1], sizeof(v[1])) ||
	    copy_to_user(c, &v[2], sizeof(v[2])))
		return -EFAULT;
	return 0;
}

long sys_getresuid(unsigned int __user *ruid, unsigned int __user *euid,
		   unsigned int __user *suid)
{
	const struct cred *c = cred_current();
	const unsigned int v[3] = { c->uid, c->euid, c->suid };

	return cred_put_three(ruid, euid, suid, v);
}

long sys_getresgid(unsigned int __user *rgid, unsigned int __user *egid,
		   unsigned int __user *sgid)
{
	const struct cred *c = cred_current();
	const unsigned int v[3] = { c->gid, c->egid, c->sgid };

	return cred_put_three(rgid, egid, sgid, v);
}

long sys_getgroups(int size, unsigned int __user *list)
{
	const struct cred *c = cred_current();

	if (size < 0)
		return -EINVAL;
	if (size == 0)
		return c->ngroups;
	if ((unsigned int)size < c->ngroups)
		return -EINVAL;
	if (copy_array_to_user(list, c->groups, c->ngroups, sizeof(c->groups[0])))
		return -EFAULT;
	return c->ngroups;
}

/* Linux keeps the list sorted (getgroups answers in that order). */
static void cred_groups_sort(unsigned int *g, unsigned int n)
{
	unsigned int i, j, v;

	for (i = 1; i < n; i++) {
		v = g[i];
		for (j = i; j > 0 && g[j - 1] > v; j--)
			g[j] = g[j - 1];
		g[j] = v;
	}
}

long sys_setgroups(int size, const unsigned int __user *list)
{
	struct cred *c = cred_current();
	unsigned int groups[CRED_GROUPS_MAX];

	if (!cred_is_root(c))
		return -EPERM;
	if ((unsigned int)size > NGROUPS_MAX)
		return -EINVAL;
	/* Keel keeps fewer groups than Linux allows; past that the call cannot be honoured. */
	if ((unsigned int)size > CRED_GROUPS_MAX)
		return -EINVAL;
	if (copy_array_from_user(groups, list, (size_t)size, sizeof(groups[0])))
		return -EFAULT;
	cred_groups_sort(groups, (unsigned int)size);
	memcpy(c->groups, groups, (size_t)size * sizeof(groups[0]));
	c->ngroups = (unsigned int)size;
	return 0;
}
