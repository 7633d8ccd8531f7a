/* test_cpio_writer.c: --root DIR becomes a newc archive the kernel can read. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cpio_writer.h"

static char *make_tree(void)
{
	char *dir = g_dir_make_tmp("keel-cpio-XXXXXX", NULL);
	char *sub = g_build_filename(dir, "etc", NULL);
	char *file = g_build_filename(sub, "motd", NULL);
	char *link = g_build_filename(dir, "link", NULL);

	mkdir(sub, 0755);
	g_file_set_contents(file, "hi\n", 3, NULL);
	ck_assert_int_eq(symlink("/etc/motd", link), 0);
	g_free(sub), g_free(file), g_free(link);
	return dir;
}

static void remove_tree(const char *dir)
{
	char *p;

	p = g_build_filename(dir, "etc", "motd", NULL), unlink(p), g_free(p);
	p = g_build_filename(dir, "etc", NULL), rmdir(p), g_free(p);
	p = g_build_filename(dir, "link", NULL), unlink(p), g_free(p);
	rmdir(dir);
}

/* The offset of the entry named name, or -1. */
static long find_entry(const GByteArray *a, const char *name)
{
	for (guint off = 0; off + 110 < a->len;) {
		char field[9] = { 0 };
		unsigned long namesize, filesize;

		ck_assert(memcmp(a->data + off, "070701", 6) == 0);
		memcpy(field, a->data + off + 94, 8);
		namesize = strtoul(field, NULL, 16);
		memcpy(field, a->data + off + 54, 8);
		filesize = strtoul(field, NULL, 16);
		if (strcmp((const char *)a->data + off + 110, name) == 0)
			return off;
		off = (off + 110 + namesize + 3) & ~3u;
		off = (off + filesize + 3) & ~3u;
	}
	return -1;
}

START_TEST(cpio_from_dir_holds_files_dirs_links_and_trailer)
{
	char *dir = make_tree();
	GError *err = NULL;
	GByteArray *a = cpio_from_dir(dir, &err);

	ck_assert_ptr_nonnull(a);
	ck_assert_int_ge(find_entry(a, "etc"), 0);
	ck_assert_int_ge(find_entry(a, "etc/motd"), 0);
	ck_assert_int_ge(find_entry(a, "link"), 0);
	ck_assert_int_ge(find_entry(a, "TRAILER!!!"), 0);
	ck_assert_int_eq(a->len % 4, 0);
	g_byte_array_unref(a);
	remove_tree(dir);
	g_free(dir);
}
END_TEST

START_TEST(cpio_from_dir_names_a_missing_directory)
{
	GError *err = NULL;

	ck_assert_ptr_null(cpio_from_dir("/no/such/dir", &err));
	ck_assert_ptr_nonnull(err);
	ck_assert_ptr_nonnull(strstr(err->message, "/no/such/dir"));
	g_error_free(err);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cli_cpio_writer");
	TCase *tc = tcase_create("cpio");

	tcase_add_test(tc, cpio_from_dir_holds_files_dirs_links_and_trailer);
	tcase_add_test(tc, cpio_from_dir_names_a_missing_directory);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
