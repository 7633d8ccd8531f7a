/* test_boot.c: building the root at boot and finding the program in it. */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <abi/stat.h>
#include <boot/boot.h>
#include <fs/mount.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include "services_test.h"
#include "cpio_builder.h"

static struct archive initramfs;

static void boot_info_with_initramfs(struct boot_info *bi, struct boot_module *m)
{
	initramfs.len = 0;
	archive_add(&initramfs, "bin", S_IFDIR | 0755, NULL);
	archive_add(&initramfs, "bin/busybox", S_IFREG | 0755, "ELF?");
	archive_add(&initramfs, "usr/bin/env", S_IFLNK | 0777, "/bin/busybox");
	archive_add_trailer(&initramfs);
	memset(bi, 0, sizeof(*bi));
	m->name = "initramfs";
	m->data = initramfs.bytes;
	m->size = initramfs.len;
	bi->initramfs = m;
	bi->n_initramfs = 1;
}

BOOTED_TEST(root_holds_the_initramfs_tmp_dev_and_mounts_proc_and_sys)
{
	struct boot_info bi;
	struct boot_module m;
	struct inode *root, *i;

	boot_info_with_initramfs(&bi, &m);
	root = boot_build_root(&bi);
	ck_assert_ptr_nonnull(root);
	ck_assert_int_eq(path_lookup(root, root, "/bin/busybox", 0, &i), 0);
	ck_assert_int_eq(path_lookup(root, root, "/tmp", 0, &i), 0);
	ck_assert_uint_eq(i->mode, S_IFDIR | 01777);
	/* /proc and /sys are the roots of the file systems mounted on them. */
	ck_assert_int_eq(path_lookup(root, root, "/proc", 0, &i), 0);
	ck_assert_ptr_nonnull(i->root_of);
	ck_assert_str_eq(i->root_of->type->name, "proc");
	ck_assert_int_eq(path_lookup(root, root, "/sys", 0, &i), 0);
	ck_assert_str_eq(i->root_of->type->name, "sysfs");
	ck_assert_int_eq(path_lookup(root, root, "/dev", 0, &i), 0);
	ck_assert_int_eq(path_lookup(root, root, "/dev/shm", 0, &i), 0);
	mount_teardown_all();
	return 0;
}

BOOTED_TEST(bare_names_are_found_through_path_and_slashed_names_from_the_root)
{
	struct boot_info bi;
	struct boot_module m;
	struct inode *root, *i, *busybox;
	char *resolved;

	boot_info_with_initramfs(&bi, &m);
	root = boot_build_root(&bi);
	ck_assert_int_eq(path_lookup(root, root, "/bin/busybox", 0, &busybox), 0);
	ck_assert_int_eq(boot_find_program(root, "env", &i, &resolved), 0);
	ck_assert_str_eq(resolved, "/usr/bin/env");
	ck_assert_ptr_eq(i, busybox);
	kfree(resolved);
	ck_assert_int_eq(boot_find_program(root, "bin/busybox", &i, &resolved), 0);
	ck_assert_str_eq(resolved, "/bin/busybox");
	kfree(resolved);
	ck_assert_int_eq(boot_find_program(root, "nosuch", &i, &resolved), -ENOENT);
	ck_assert_int_eq(boot_find_program(root, "/bin/nosuch", &i, &resolved), -ENOENT);
	mount_teardown_all();
	return 0;
}

BOOTED_TEST(host_program_is_installed_at_its_path_with_parents)
{
	struct boot_module m = { "/home/user/build/prog", "bytes", 5 };
	struct boot_module rel = { "prog", "bytes", 5 };
	struct inode *root = ramfs_create_root(), *i, *dir;

	ck_assert_int_eq(boot_install_host_program(root, &m, &i), 0);
	ck_assert_uint_eq(i->mode, S_IFREG | 0755);
	ck_assert_uint_eq(i->size, 5);
	ck_assert_int_eq(path_lookup(root, root, "/home/user/build", 0, &dir), 0);
	ck_assert_uint_eq(dir->mode, S_IFDIR | 0755);
	ck_assert_int_eq(boot_install_host_program(root, &rel, &i), -EINVAL);
	ramfs_destroy(root);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("boot");
	TCase *tc = tcase_create("boot");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, root_holds_the_initramfs_tmp_dev_and_mounts_proc_and_sys);
	tcase_add_test(tc, bare_names_are_found_through_path_and_slashed_names_from_the_root);
	tcase_add_test(tc, host_program_is_installed_at_its_path_with_parents);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
