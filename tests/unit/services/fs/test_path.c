/* test_path.c: path lookup: ".", "..", symlinks, and Linux's errors. */
#include <stdio.h>
#include <ostd/errno.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/path.h>
#include "../services_test.h"

struct tree {
	struct inode *root, *dir, *sub, *file;
};

/* /dir/sub/, /dir/file, /dir/up -> .., /abs -> /dir/file, /loop1 <-> /loop2 */
static void tree_build(struct tree *t)
{
	t->root = ramfs_create_root();
	ck_assert_int_eq(ramfs_create(t->root, "dir", 3, S_IFDIR | 0755, &t->dir), 0);
	ck_assert_int_eq(ramfs_create(t->dir, "sub", 3, S_IFDIR | 0755, &t->sub), 0);
	ck_assert_int_eq(ramfs_create(t->dir, "file", 4, S_IFREG | 0644, &t->file), 0);
	ck_assert_int_eq(ramfs_symlink(t->dir, "up", 2, "..", 2, NULL), 0);
	ck_assert_int_eq(ramfs_symlink(t->root, "abs", 3, "/dir/file", 9, NULL), 0);
	ck_assert_int_eq(ramfs_symlink(t->root, "loop1", 5, "loop2", 5, NULL), 0);
	ck_assert_int_eq(ramfs_symlink(t->root, "loop2", 5, "/loop1", 6, NULL), 0);
}

static int look(struct tree *t, struct inode *cwd, const char *path, struct inode **out)
{
	return path_lookup(t->root, cwd, path, LOOKUP_FOLLOW, out);
}

BOOTED_TEST(absolute_relative_dot_and_dotdot_paths_resolve)
{
	struct tree t;
	struct inode *i;

	tree_build(&t);
	ck_assert_int_eq(look(&t, t.root, "/dir/file", &i), 0);
	ck_assert_ptr_eq(i, t.file);
	ck_assert_int_eq(look(&t, t.dir, "file", &i), 0);
	ck_assert_ptr_eq(i, t.file);
	ck_assert_int_eq(look(&t, t.sub, "../file", &i), 0);
	ck_assert_ptr_eq(i, t.file);
	ck_assert_int_eq(look(&t, t.root, "//dir/./sub/../file", &i), 0);
	ck_assert_ptr_eq(i, t.file);
	ck_assert_int_eq(look(&t, t.sub, ".", &i), 0);
	ck_assert_ptr_eq(i, t.sub);
	ck_assert_int_eq(look(&t, t.root, "/", &i), 0);
	ck_assert_ptr_eq(i, t.root);
	ramfs_destroy(t.root);
	return 0;
}

BOOTED_TEST(dotdot_at_the_root_stays_at_the_root)
{
	struct tree t;
	struct inode *i;

	tree_build(&t);
	ck_assert_int_eq(look(&t, t.root, "/../../..", &i), 0);
	ck_assert_ptr_eq(i, t.root);
	ck_assert_int_eq(look(&t, t.root, "../dir/../../dir/file", &i), 0);
	ck_assert_ptr_eq(i, t.file);
	ramfs_destroy(t.root);
	return 0;
}

BOOTED_TEST(symlinks_are_followed_relative_to_their_directory)
{
	struct tree t;
	struct inode *i;

	tree_build(&t);
	ck_assert_int_eq(look(&t, t.root, "/abs", &i), 0);
	ck_assert_ptr_eq(i, t.file);
	ck_assert_int_eq(look(&t, t.root, "/dir/up/dir/sub", &i), 0);
	ck_assert_ptr_eq(i, t.sub);
	/* Without LOOKUP_FOLLOW the last symlink itself is the answer. */
	ck_assert_int_eq(path_lookup(t.root, t.root, "/abs", 0, &i), 0);
	ck_assert(ramfs_is_symlink(i));
	ramfs_destroy(t.root);
	return 0;
}

BOOTED_TEST(symlink_loops_and_chains_past_forty_are_eloop)
{
	struct tree t;
	struct inode *i, *prev;
	char name[16], target[16];
	int k;

	tree_build(&t);
	ck_assert_int_eq(look(&t, t.root, "/loop1", &i), -ELOOP);
	ck_assert_int_eq(look(&t, t.root, "/loop1/x", &i), -ELOOP);
	/* l0 -> dir/file, lK -> l(K-1): following l40 takes 41 links, l39 takes 40. */
	ck_assert_int_eq(ramfs_symlink(t.root, "l0", 2, "dir/file", 8, &prev), 0);
	for (k = 1; k <= 40; k++) {
		int n = snprintf(name, sizeof(name), "l%d", k);
		int m = snprintf(target, sizeof(target), "l%d", k - 1);

		ck_assert_int_eq(ramfs_symlink(t.root, name, (size_t)n, target, (size_t)m, NULL), 0);
	}
	ck_assert_int_eq(look(&t, t.root, "/l39", &i), 0);
	ck_assert_ptr_eq(i, t.file);
	ck_assert_int_eq(look(&t, t.root, "/l40", &i), -ELOOP);
	ramfs_destroy(t.root);
	return 0;
}

BOOTED_TEST(missing_components_are_enoent_and_files_in_the_middle_enotdir)
{
	struct tree t;
	struct inode *i;

	tree_build(&t);
	ck_assert_int_eq(look(&t, t.root, "/nope", &i), -ENOENT);
	ck_assert_int_eq(look(&t, t.root, "/dir/nope/file", &i), -ENOENT);
	ck_assert_int_eq(look(&t, t.root, "", &i), -ENOENT);
	ck_assert_int_eq(look(&t, t.root, "/dir/file/x", &i), -ENOTDIR);
	ck_assert_int_eq(look(&t, t.root, "/dir/file/", &i), -ENOTDIR);
	ck_assert_int_eq(look(&t, t.root, "/abs/", &i), -ENOTDIR);
	ck_assert_int_eq(look(&t, t.root, "/dir/sub/", &i), 0);
	ramfs_destroy(t.root);
	return 0;
}

BOOTED_TEST(long_names_and_paths_are_enametoolong)
{
	static char path[PATH_MAX + 8];
	struct tree t;
	struct inode *i;

	tree_build(&t);
	memset(path, 0, sizeof(path));
	path[0] = '/';
	memset(path + 1, 'a', NAME_MAX + 1);
	ck_assert_int_eq(look(&t, t.root, path, &i), -ENAMETOOLONG);
	path[NAME_MAX + 1] = '\0';   /* exactly NAME_MAX: merely missing */
	ck_assert_int_eq(look(&t, t.root, path, &i), -ENOENT);
	memset(path, '/', PATH_MAX);
	path[PATH_MAX] = '\0';
	ck_assert_int_eq(look(&t, t.root, path, &i), -ENAMETOOLONG);
	path[PATH_MAX - 1] = '\0';   /* 4095 slashes: the root */
	ck_assert_int_eq(look(&t, t.root, path, &i), 0);
	ck_assert_int_eq(ramfs_create(t.root, path + 1, NAME_MAX + 1, S_IFREG, NULL),
			 -ENAMETOOLONG);
	ramfs_destroy(t.root);
	return 0;
}

BOOTED_TEST(parent_lookup_splits_off_the_last_name)
{
	struct tree t;
	struct inode *dir;
	const char *name;
	size_t len;
	bool must_dir;

	tree_build(&t);
	ck_assert_int_eq(path_lookup_parent(t.root, t.root, "/dir/sub/new//", &dir, &name, &len,
					    &must_dir), 0);
	ck_assert_ptr_eq(dir, t.sub);
	ck_assert_uint_eq(len, 3);
	ck_assert_int_eq(strncmp(name, "new", 3), 0);
	ck_assert(must_dir);
	ck_assert_int_eq(path_lookup_parent(t.root, t.sub, "plain", &dir, &name, &len,
					    &must_dir), 0);
	ck_assert_ptr_eq(dir, t.sub);
	ck_assert_int_eq(path_lookup_parent(t.root, t.root, "/dir/file/new", &dir, &name, &len,
					    &must_dir), -ENOTDIR);
	ramfs_destroy(t.root);
	return 0;
}

BOOTED_TEST(path_of_dir_names_the_directory_from_the_root)
{
	struct tree t;
	char buf[64];

	tree_build(&t);
	ck_assert_int_eq(path_of_dir(t.root, t.sub, buf, sizeof(buf)), 8);
	ck_assert_str_eq(buf, "/dir/sub");
	ck_assert_int_eq(path_of_dir(t.root, t.root, buf, sizeof(buf)), 1);
	ck_assert_str_eq(buf, "/");
	ck_assert_int_eq(path_of_dir(t.root, t.sub, buf, 8), -ERANGE);
	ramfs_destroy(t.root);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("path");
	TCase *tc = tcase_create("path");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, absolute_relative_dot_and_dotdot_paths_resolve);
	tcase_add_test(tc, dotdot_at_the_root_stays_at_the_root);
	tcase_add_test(tc, symlinks_are_followed_relative_to_their_directory);
	tcase_add_test(tc, symlink_loops_and_chains_past_forty_are_eloop);
	tcase_add_test(tc, missing_components_are_enoent_and_files_in_the_middle_enotdir);
	tcase_add_test(tc, long_names_and_paths_are_enametoolong);
	tcase_add_test(tc, parent_lookup_splits_off_the_last_name);
	tcase_add_test(tc, path_of_dir_names_the_directory_from_the_root);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
