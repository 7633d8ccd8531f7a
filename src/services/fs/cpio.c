/* fs/cpio.c: a cpio newc (070701) and newc-with-crc (070702) reader for hostile archives. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/log.h>
#include <ostd/string.h>
#include <ostd/time.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/cpio.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <util/hex.h>

/* The header's numeric fields, in archive order after the 6-byte magic. */
enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_DEVMAJOR, F_DEVMINOR,
       F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK, F_COUNT };

struct cpio_entry {
	uint32_t field[F_COUNT];
	bool has_crc;
	const char *name;       /* NUL-terminated inside the archive */
	const uint8_t *body;
	size_t body_len;
};

static int parse_hex8(const char *p, uint32_t *out)
{
	uint32_t v = 0;
	int k, d;

	for (k = 0; k < 8; k++) {
		d = hex_digit_value(p[k]);
		if (d < 0)
			return -EINVAL;
		v = (v << 4) | (uint32_t)d;
	}
	*out = v;
	return 0;
}

/* Parses the entry at data[*at..size) and advances *at past it; checks every length
 * against what is left before pointing into the archive. */
static int cpio_parse_entry(const uint8_t *data, size_t size, size_t *at,
			    struct cpio_entry *e)
{
	const char *h = (const char *)data + *at;
	size_t left = size - *at, name_end, body_at;
	int k;

	if (left < CPIO_HEADER_SIZE)
		return -EINVAL;
	if (memcmp(h, "07070", 5) != 0 || (h[5] != '1' && h[5] != '2'))
		return -EINVAL;
	e->has_crc = h[5] == '2';
	for (k = 0; k < F_COUNT; k++)
		if (parse_hex8(h + 6 + 8 * k, &e->field[k]))
			return -EINVAL;
	if (e->field[F_NAMESIZE] == 0 || e->field[F_NAMESIZE] > left - CPIO_HEADER_SIZE)
		return -EINVAL;
	name_end = CPIO_HEADER_SIZE + e->field[F_NAMESIZE];
	if (h[name_end - 1] != '\0')
		return -EINVAL;
	e->name = h + CPIO_HEADER_SIZE;
	body_at = ALIGN_UP(name_end, (size_t)4);
	if (body_at > left || e->field[F_FILESIZE] > left - body_at)
		return -EINVAL;
	e->body = (const uint8_t *)h + body_at;
	e->body_len = e->field[F_FILESIZE];
	*at += MIN(ALIGN_UP(body_at + e->body_len, (size_t)4), left);
	return 0;
}

static bool cpio_crc_ok(const struct cpio_entry *e)
{
	uint32_t sum = 0;
	size_t k;

	if (!e->has_crc)
		return true;
	for (k = 0; k < e->body_len; k++)
		sum += e->body[k];
	return sum == e->field[F_CHECK];
}

/* Rewrites name into out as "a/b/c": drops "/", "./" and "." parts. -EINVAL for "..",
 * -ENAMETOOLONG for a name of PATH_MAX bytes or more. "" names the root. */
static int cpio_normalise(const char *name, char *out)
{
	size_t o = 0, n;
	const char *p = name;

	if (strnlen(name, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	while (*p) {
		while (*p == '/')
			p++;
		for (n = 0; p[n] && p[n] != '/'; n++)
			;
		if (n == 0)
			break;
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return -EINVAL;
		if (!(n == 1 && p[0] == '.')) {
			if (o)
				out[o++] = '/';
			memcpy(out + o, p, n);
			o += n;
		}
		p += n;
	}
	out[o] = '\0';
	return 0;
}

/* Finds or makes the directory holding the last component of path (modified in place,
 * restored before returning); *last points at that component. */
static int cpio_make_parents(struct inode *root, char *path, struct inode **dir,
			     const char **last)
{
	struct inode *cur = root, *next;
	char *p = path, *slash;
	int err;

	while ((slash = strchr(p, '/')) != NULL) {
		*slash = '\0';
		err = path_lookup(root, cur, p, LOOKUP_FOLLOW, &next);
		if (err == -ENOENT)
			err = ramfs_create(cur, p, strlen(p), S_IFDIR | 0755, &next);
		*slash = '/';
		if (err)
			return err;
		if (!ramfs_is_dir(next))
			return -ENOTDIR;
		cur = next;
		p = slash + 1;
	}
	*dir = cur;
	*last = p;
	return 0;
}

static void cpio_set_attrs(struct inode *i, const struct cpio_entry *e)
{
	i->mode = (i->mode & S_IFMT) | (e->field[F_MODE] & 07777);
	i->uid = e->field[F_UID];
	i->gid = e->field[F_GID];
	i->atime_ns = i->mtime_ns = (uint64_t)e->field[F_MTIME] * NSEC_PER_SEC;
}

/* Creates (or, for directories and regular files, updates) one entry under dir. */
static int cpio_install(struct inode *dir, const char *name, const struct cpio_entry *e)
{
	uint32_t type = e->field[F_MODE] & S_IFMT;
	size_t len = strlen(name);
	struct inode *i = NULL;
	int err;

	err = ramfs_lookup(dir, name, len, &i);
	if (err == 0 && (i->mode & S_IFMT) != type)
		return -EEXIST;
	if (err == -ENOENT && type == S_IFLNK)
		err = ramfs_symlink(dir, name, len, (const char *)e->body, e->body_len, &i);
	else if (err == -ENOENT)
		err = ramfs_create(dir, name, len, type | 0700, &i);
	else if (err == 0 && type == S_IFLNK)
		return -EEXIST;
	if (err)
		return err;
	if (type == S_IFREG) {
		err = ramfs_set_data(i, e->body, e->body_len);
		if (err)
			return err;
	}
	cpio_set_attrs(i, e);
	return 0;
}

static int cpio_apply(struct inode *root, const struct cpio_entry *e, char *path)
{
	uint32_t type = e->field[F_MODE] & S_IFMT;
	const char *last;
	struct inode *dir;
	int err;

	if (type != S_IFDIR && type != S_IFREG && type != S_IFLNK) {
		log_info("cpio: %s: file type 0%o not supported, skipped", e->name, type);
		return 0;
	}
	err = cpio_normalise(e->name, path);
	if (err) {
		log_warn("cpio: %s: unsafe or too long name, skipped", e->name);
		return 0;
	}
	if (path[0] == '\0') {
		if (type == S_IFDIR)
			cpio_set_attrs(root, e);
		return 0;
	}
	err = cpio_make_parents(root, path, &dir, &last);
	if (!err)
		err = cpio_install(dir, last, e);
	if (err == -ENOMEM)
		return err;
	if (err)
		log_warn("cpio: %s: cannot install (error %d), skipped", e->name, -err);
	return 0;
}

/* Adding entries to a directory touched its mtime: give directories the archive's times
 * once everything is in, as Linux's initramfs unpacker does. Entries that failed before are
 * skipped quietly: the first pass logged them. */
static void cpio_restore_dir_mtimes(struct inode *root, const uint8_t *bytes, size_t size,
				    char *path)
{
	struct cpio_entry e;
	struct inode *i;
	size_t at = 0;

	while (at < size && cpio_parse_entry(bytes, size, &at, &e) == 0 &&
	       strcmp(e.name, "TRAILER!!!") != 0) {
		if ((e.field[F_MODE] & S_IFMT) != S_IFDIR || cpio_normalise(e.name, path))
			continue;
		if (path[0] == '\0')
			i = root;
		else if (path_lookup(root, root, path, 0, &i) || !ramfs_is_dir(i))
			continue;
		i->atime_ns = i->mtime_ns = (uint64_t)e.field[F_MTIME] * NSEC_PER_SEC;
	}
}

int cpio_unpack(struct inode *root, const void *data, size_t size)
{
	const uint8_t *bytes = data;
	struct cpio_entry e;
	size_t at = 0;
	char *path;
	int err = 0;

	path = kmalloc(PATH_MAX);
	if (!path)
		return -ENOMEM;
	while (at < size) {
		err = cpio_parse_entry(bytes, size, &at, &e);
		if (err) {
			log_warn("cpio: malformed entry at offset %zu", at);
			break;
		}
		if (strcmp(e.name, "TRAILER!!!") == 0)
			break;
		if (!cpio_crc_ok(&e)) {
			log_warn("cpio: %s: checksum mismatch", e.name);
			err = -EINVAL;
			break;
		}
		err = cpio_apply(root, &e, path);
		if (err)
			break;
	}
	if (!err)
		cpio_restore_dir_mtimes(root, bytes, size, path);
	kfree(path);
	return err;
}
