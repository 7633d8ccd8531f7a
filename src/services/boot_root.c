/* boot_root.c: the guest root at boot, and finding the program in it. */
#include <ostd/boot.h>
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/log.h>
#include <ostd/string.h>
#include <abi/fcntl.h>
#include <abi/mount.h>
#include <abi/stat.h>
#include <boot/boot.h>
#include <fs/chardev.h>
#include <fs/cpio.h>
#include <fs/mount.h>
#include <fs/path.h>
#include <fs/ramfs.h>

static const char *const boot_path_dirs[] = { "/bin", "/usr/bin", "/sbin" };

/* Makes dir path (absolute) and its parents, as mkdir -p. */
int boot_mkdir_p(struct inode *root, const char *path, uint32_t mode, struct inode **out)
{
	struct inode *cur = root, *next;
	const char *p = path;
	int err;

	while (*p) {
		size_t n;

		while (*p == '/')
			p++;
		for (n = 0; p[n] && p[n] != '/'; n++)
			;
		if (n == 0)
			break;
		err = ramfs_lookup(cur, p, n, &next);
		if (err == -ENOENT)
			err = ramfs_create(cur, p, n, S_IFDIR | mode, &next);
		if (err)
			return err;
		if (!ramfs_is_dir(next))
			return -ENOTDIR;
		cur = next;
		p += n;
	}
	if (out)
		*out = cur;
	return 0;
}

static void boot_mount(struct inode *root, const char *path, const char *fstype)
{
	struct inode *dir;
	int err = boot_mkdir_p(root, path, 0555, &dir);

	if (!err)
		err = mount_fs(fstype, fstype, dir, MS_NOSUID | MS_NODEV | MS_NOEXEC);
	if (err)
		log_warn("boot: mounting %s on %s: error %d", fstype, path, -err);
}

/* The root: every initramfs unpacked in order, then the directories programs expect. */
struct inode *boot_build_root(const struct boot_info *bi)
{
	struct inode *root = ramfs_create_root(), *tmp, *dev;
	size_t k;
	int err;

	if (!root)
		return NULL;
	for (k = 0; k < bi->n_initramfs; k++) {
		const char *name = bi->initramfs[k].name ? bi->initramfs[k].name : "?";

		err = cpio_unpack(root, bi->initramfs[k].data, bi->initramfs[k].size);
		if (err == -ENOSPC)
			log_warn("boot: initramfs %s does not fit: files may use half of the "
				 "guest memory (%llu MiB); give keel more --mem", name,
				 (unsigned long long)(ramfs_data_budget() >> 20));
		else if (err)
			log_warn("boot: initramfs %s: error %d, unpacked up to it", name, -err);
	}
	if (boot_mkdir_p(root, "/tmp", 0755, &tmp) == 0)
		tmp->mode = S_IFDIR | 01777;
	if (boot_mkdir_p(root, "/dev", 0755, &dev) == 0)
		chardev_populate(dev);
	if (boot_mkdir_p(root, "/dev/shm", 0755, &tmp) == 0)
		tmp->mode = S_IFDIR | 01777;
	if (mount_set_root(root)) {
		ramfs_destroy(root);
		return NULL;
	}
	/* Every Linux system mounts these; programs (ps, df, free) read them. */
	boot_mount(root, "/proc", "proc");
	boot_mount(root, "/sys", "sysfs");
	return root;
}

/* Installs the host program's bytes at its absolute host path, mode 0755. */
int boot_install_host_program(struct inode *root, const struct boot_module *m,
				     struct inode **out)
{
	const char *slash = strrchr(m->name, '/');
	struct inode *dir;
	char *parent;
	int err;

	if (!slash || m->name[0] != '/')
		return -EINVAL;
	parent = kstrndup(m->name, (size_t)(slash - m->name));
	if (!parent)
		return -ENOMEM;
	err = boot_mkdir_p(root, parent, 0755, &dir);
	kfree(parent);
	if (err)
		return err;
	err = ramfs_create(dir, slash + 1, strlen(slash + 1), S_IFREG | 0755, out);
	if (err)
		return err;
	return ramfs_set_data(*out, m->data, m->size);
}

/* Finds name as a shell would: a path when it has a '/', else through PATH. *resolved is
 * the path that found it (kfree it). */
int boot_find_program(struct inode *root, const char *name, struct inode **out,
		      char **resolved)
{
	char buf[PATH_MAX];
	size_t k;
	int err = -ENOENT;

	if (strchr(name, '/')) {
		ksnprintf(buf, sizeof(buf), "%s%s", name[0] == '/' ? "" : "/", name);
		err = path_lookup(root, root, buf, LOOKUP_FOLLOW, out);
	} else {
		for (k = 0; k < ARRAY_SIZE(boot_path_dirs) && err; k++) {
			if (ksnprintf(buf, sizeof(buf), "%s/%s", boot_path_dirs[k], name) >=
			    (int)sizeof(buf))
				return -ENAMETOOLONG;
			err = path_lookup(root, root, buf, LOOKUP_FOLLOW, out);
		}
	}
	if (err)
		return err;
	*resolved = kstrdup(buf);
	return *resolved ? 0 : -ENOMEM;
}

