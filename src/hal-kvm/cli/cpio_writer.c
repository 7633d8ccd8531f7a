/* cpio_writer.c: a host directory as a cpio "newc" archive, the only root format the kernel
 * reads, so `--root DIR` and the embedded initramfs take the same path into the guest. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpio_writer.h"

static void pad4(GByteArray *a)
{
	static const guint8 zeros[4];

	if (a->len % 4)
		g_byte_array_append(a, zeros, 4 - a->len % 4);
}

static void put_entry(GByteArray *a, const char *name, const struct stat *st, guint32 ino,
		      const void *data, gsize size)
{
	char hdr[111];
	gsize namesize = strlen(name) + 1;

	g_snprintf(hdr, sizeof(hdr),
		   "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", ino,
		   st ? st->st_mode : 0, st ? st->st_uid : 0, st ? st->st_gid : 0,
		   st ? (guint32)st->st_nlink : 1, st ? (guint32)st->st_mtime : 0, (guint32)size, 0,
		   0, 0, 0, (guint32)namesize, 0);
	g_byte_array_append(a, (const guint8 *)hdr, 110);
	g_byte_array_append(a, (const guint8 *)name, namesize);
	pad4(a);
	if (size)
		g_byte_array_append(a, data, size);
	pad4(a);
}

static gboolean add_tree(GByteArray *a, const char *host, const char *name, guint32 *ino,
			 GError **err);

static gboolean add_dir(GByteArray *a, const char *host, const char *name, guint32 *ino,
			GError **err)
{
	GDir *d = g_dir_open(host, 0, err);
	GPtrArray *names;
	const char *e;
	gboolean ok = TRUE;

	if (!d)
		return FALSE;
	names = g_ptr_array_new_with_free_func(g_free);
	while ((e = g_dir_read_name(d)))
		g_ptr_array_add(names, g_strdup(e));
	g_dir_close(d);
	/* Sorted, so the same directory always gives the same archive. */
	g_ptr_array_sort(names, (GCompareFunc)(void *)g_strcmp0);
	for (guint i = 0; ok && i < names->len; i++) {
		const char *child = *(const char **)&names->pdata[i];
		char *h = g_build_filename(host, child, NULL);
		char *n = *name ? g_strconcat(name, "/", child, NULL) : g_strdup(child);
		ok = add_tree(a, h, n, ino, err);
		g_free(h);
		g_free(n);
	}
	g_ptr_array_unref(names);
	return ok;
}

static gboolean add_tree(GByteArray *a, const char *host, const char *name, guint32 *ino,
			 GError **err)
{
	struct stat st;
	gchar *data = NULL;
	gsize size = 0;
	gboolean ok = TRUE;

	if (lstat(host, &st) < 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno), "%s: %s", host,
			    g_strerror(errno));
		return FALSE;
	}
	if (S_ISREG(st.st_mode)) {
		if (!g_file_get_contents(host, &data, &size, err))
			return FALSE;
	} else if (S_ISLNK(st.st_mode)) {
		data = g_file_read_link(host, err);
		if (!data)
			return FALSE;
		size = strlen(data);
	} else if (!S_ISDIR(st.st_mode)) {
		return TRUE;   /* devices, sockets, fifos: the guest makes its own */
	}
	st.st_nlink = S_ISDIR(st.st_mode) ? 2 : 1;   /* no hard links across the archive */
	if (*name)
		put_entry(a, name, &st, ++*ino, data, size);
	g_free(data);
	if (S_ISDIR(st.st_mode))
		ok = add_dir(a, host, name, ino, err);
	return ok;
}

GByteArray *cpio_from_dir(const char *dir, GError **err)
{
	GByteArray *a = g_byte_array_new();
	guint32 ino = 0;
	struct stat st;

	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_NOTDIR, "%s: not a directory", dir);
		g_byte_array_unref(a);
		return NULL;
	}
	if (!add_tree(a, dir, "", &ino, err)) {
		g_byte_array_unref(a);
		return NULL;
	}
	put_entry(a, "TRAILER!!!", NULL, 0, NULL, 0);
	return a;
}
