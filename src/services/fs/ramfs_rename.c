/* fs/ramfs_rename.c: ramfs's hard links and renames: names moving between directories. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <fs/ramfs.h>
#include <fs/ramfs_dentry.h>

int ramfs_link(struct inode *dir, const char *name, size_t len, struct inode *i)
{
	struct dentry *d;
	int err = ramfs_create_check(dir, name, len);

	if (err)
		return err;
	if (ramfs_is_dir(i))
		return -EPERM;
	d = kzalloc(sizeof(*d));
	if (!d)
		return -ENOMEM;
	d->name = kstrndup(name, len);
	if (!d->name) {
		kfree(d);
		return -ENOMEM;
	}
	d->inode = i;
	i->nlink++;
	ramfs_dentry_append(dir, d);
	ramfs_touch_ctime(i);
	ramfs_touch_mtime(dir);
	return 0;
}

/* A directory moved from odir to ndir under name (already allocated): its ".." follows. */
static void dir_moved(struct inode *i, struct inode *odir, struct inode *ndir, char *name)
{
	kfree(i->name);
	i->name = name;
	i->parent = ndir;
	odir->nlink--;
	ndir->nlink++;
}

/* The names each moved directory needs, allocated before anything changes. */
struct rename_names {
	char *entry;         /* the new entry's name, when ndir gets a fresh entry */
	char *src_dir;       /* the source's own name, when it is a directory */
	char *dst_dir;       /* the target's own name, when exchanging a directory */
};

static void rename_names_free(struct rename_names *n)
{
	kfree(n->entry);
	kfree(n->src_dir);
	kfree(n->dst_dir);
}

static int rename_names_alloc(struct rename_names *n, struct inode *src, struct inode *dst,
			      bool exchange, const char *oname, size_t olen, const char *nname,
			      size_t nlen)
{
	bool need_entry = !dst, need_dst = exchange && ramfs_is_dir(dst);

	memset(n, 0, sizeof(*n));
	if (need_entry)
		n->entry = kstrndup(nname, nlen);
	if (ramfs_is_dir(src))
		n->src_dir = kstrndup(nname, nlen);
	if (need_dst)
		n->dst_dir = kstrndup(oname, olen);
	if ((need_entry && !n->entry) || (ramfs_is_dir(src) && !n->src_dir) ||
	    (need_dst && !n->dst_dir)) {
		rename_names_free(n);
		return -ENOMEM;
	}
	return 0;
}

/* Both entries stay; their inodes trade places. */
static void rename_exchange(struct dentry *od, struct dentry *nd, struct inode *odir,
			    struct inode *ndir, struct rename_names *n)
{
	struct inode *src = od->inode, *dst = nd->inode;

	od->inode = dst;
	nd->inode = src;
	if (n->src_dir)
		dir_moved(src, odir, ndir, n->src_dir);
	if (n->dst_dir)
		dir_moved(dst, ndir, odir, n->dst_dir);
}

/* The source's entry leaves odir; ndir's entry (reused, or the old one renamed) names it. */
static void rename_move(struct inode *odir, struct dentry **olink, struct dentry *oprev,
			struct inode *ndir, struct dentry *nd, struct rename_names *n)
{
	struct dentry *od = ramfs_dentry_detach(odir, olink, oprev);
	struct inode *src = od->inode, *victim = NULL;

	if (nd) {
		victim = nd->inode;
		nd->inode = src;
		kfree(od->name);
		kfree(od);
	} else {
		kfree(od->name);
		od->name = n->entry;
		ramfs_dentry_append(ndir, od);
	}
	if (n->src_dir)
		dir_moved(src, odir, ndir, n->src_dir);
	if (victim)
		ramfs_inode_unlinked(ndir, victim);
}

int ramfs_rename(struct inode *odir, const char *oname, size_t olen, struct inode *ndir,
		 const char *nname, size_t nlen, bool exchange)
{
	struct dentry **olink, **nlink, *oprev, *nprev, *nd = NULL;
	struct rename_names n;
	struct inode *src;
	int err;

	olink = ramfs_dentry_find(odir, oname, olen, &oprev);
	if (!olink)
		return -ENOENT;
	nlink = ramfs_dentry_find(ndir, nname, nlen, &nprev);
	if (nlink)
		nd = *nlink;
	if (exchange && !nd)
		return -ENOENT;
	src = (*olink)->inode;
	if (nd && nd->inode == src)
		return 0;
	err = rename_names_alloc(&n, src, nd ? nd->inode : NULL, exchange, oname, olen, nname,
				 nlen);
	if (err)
		return err;
	if (exchange) {
		rename_exchange(*olink, nd, odir, ndir, &n);
		ramfs_touch_ctime(nd->inode);
	} else {
		rename_move(odir, olink, oprev, ndir, nd, &n);
	}
	ramfs_touch_ctime(src);
	ramfs_touch_mtime(odir);
	ramfs_touch_mtime(ndir);
	return 0;
}
