/* test_cpio.c: the cpio newc reader unpacks a good archive and survives hostile ones. */
#include <stdio.h>
#include <ostd/errno.h>
#include <abi/stat.h>
#include <fs/cpio.h>
#include <fs/path.h>
#include "../services_test.h"
#include "../cpio_builder.h"

#define add_entry archive_add_entry
#define add archive_add
#define add_trailer archive_add_trailer

static struct inode *lookup(struct inode *root, const char *path)
{
	struct inode *i = NULL;

	return path_lookup(root, root, path, 0, &i) == 0 ? i : NULL;
}

BOOTED_TEST(good_archive_unpacks_dirs_files_and_symlinks)
{
	static struct archive a;
	struct inode *root = ramfs_create_root(), *f;

	a.len = 0;
	add(&a, ".", S_IFDIR | 0755, NULL);
	add(&a, "./bin", S_IFDIR | 0711, NULL);
	add(&a, "./bin/hello", S_IFREG | 0755, "hello bytes");
	add(&a, "bin/sh", S_IFLNK | 0777, "/bin/hello");
	add(&a, "/etc//passwd", S_IFREG | 0644, "root:x:0:0");
	add(&a, "usr/lib/deep/file", S_IFREG | 0600, "x");
	add_trailer(&a);
	add(&a, "after-trailer", S_IFREG | 0644, "ignored");
	ck_assert_int_eq(cpio_unpack(root, a.bytes, a.len), 0);
	f = lookup(root, "/bin/hello");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(f->mode, S_IFREG | 0755);
	ck_assert_uint_eq(f->size, 11);
	ck_assert_int_eq(memcmp(f->data, "hello bytes", 11), 0);
	ck_assert_uint_eq(f->mtime_ns, 1000ull * 1000000000ull);
	ck_assert_uint_eq(lookup(root, "/bin")->mode, S_IFDIR | 0711);
	/* Directories keep the archive's time although entries were added to them later. */
	ck_assert_uint_eq(lookup(root, "/bin")->mtime_ns, 1000ull * 1000000000ull);
	ck_assert_uint_eq(root->mtime_ns, 1000ull * 1000000000ull);
	f = lookup(root, "/bin/sh");
	ck_assert(ramfs_is_symlink(f));
	ck_assert_int_eq(memcmp(f->data, "/bin/hello", 10), 0);
	ck_assert_ptr_nonnull(lookup(root, "/etc/passwd"));
	ck_assert_ptr_nonnull(lookup(root, "/usr/lib/deep/file"));
	ck_assert_ptr_null(lookup(root, "/after-trailer"));
	ramfs_destroy(root);
	return 0;
}

BOOTED_TEST(archive_without_trailer_ends_at_the_data_end)
{
	static struct archive a;
	struct inode *root = ramfs_create_root();

	a.len = 0;
	add(&a, "f", S_IFREG | 0644, "abc");
	ck_assert_int_eq(cpio_unpack(root, a.bytes, a.len), 0);
	ck_assert_ptr_nonnull(lookup(root, "/f"));
	ramfs_destroy(root);
	return 0;
}

BOOTED_TEST(crc_archive_is_checked)
{
	static struct archive a;
	struct inode *root = ramfs_create_root();
	unsigned int sum = 'a' + 'b' + 'c';

	a.len = 0;
	add_entry(&a, "070702", "good", S_IFREG | 0644, "abc", 3, 0, sum);
	add_entry(&a, "070702", "bad", S_IFREG | 0644, "abc", 3, 0, sum + 1);
	ck_assert_int_eq(cpio_unpack(root, a.bytes, a.len), -EINVAL);
	ck_assert_ptr_nonnull(lookup(root, "/good"));
	ck_assert_ptr_null(lookup(root, "/bad"));
	ramfs_destroy(root);
	return 0;
}

/* Each hostile archive: a good entry "ok", then one broken entry. */
enum hostile { BAD_MAGIC, TRUNC_HEADER, TRUNC_NAME, TRUNC_DATA, HUGE_SIZE, NO_NUL, BAD_HEX,
	       ZERO_NAMESIZE, HOSTILE_COUNT };

static void build_hostile(struct archive *a, enum hostile h)
{
	char *hdr;

	a->len = 0;
	add(a, "ok", S_IFREG | 0644, "fine");
	hdr = a->bytes + a->len;
	switch (h) {
	case BAD_MAGIC:
		add(a, "x", S_IFREG | 0644, "data");
		memcpy(hdr, "070707", 6);
		break;
	case TRUNC_HEADER:
		add(a, "x", S_IFREG | 0644, "data");
		a->len = (size_t)(hdr - a->bytes) + 60;
		break;
	case TRUNC_NAME:
		add_entry(a, "070701", "x", S_IFREG | 0644, "", 0, 4000, 0);
		a->len = (size_t)(hdr - a->bytes) + CPIO_HEADER_SIZE + 10;
		break;
	case TRUNC_DATA:
		add(a, "x", S_IFREG | 0644, "data data data");
		a->len -= 8;
		break;
	case HUGE_SIZE:
		add(a, "x", S_IFREG | 0644, "data");
		memcpy(hdr + 6 + 8 * 6, "FFFFFFFF", 8);
		break;
	case NO_NUL:
		add_entry(a, "070701", "xyz", S_IFREG | 0644, "", 0, 3, 0);
		break;
	case BAD_HEX:
		add(a, "x", S_IFREG | 0644, "data");
		memcpy(hdr + 6 + 8, "0000G1A4", 8);
		break;
	case ZERO_NAMESIZE:
		add(a, "x", S_IFREG | 0644, "data");
		memcpy(hdr + 6 + 8 * 11, "00000000", 8);
		break;
	default:
		break;
	}
}

BOOTED_TEST(hostile_archives_fail_cleanly_and_keep_earlier_entries)
{
	static struct archive a;
	int h;

	for (h = 0; h < HOSTILE_COUNT; h++) {
		struct inode *root = ramfs_create_root();

		build_hostile(&a, (enum hostile)h);
		ck_assert_msg(cpio_unpack(root, a.bytes, a.len) == -EINVAL, "case %d", h);
		ck_assert_msg(lookup(root, "/ok") != NULL, "case %d lost the good entry", h);
		ck_assert_msg(lookup(root, "/x") == NULL, "case %d created x", h);
		ramfs_destroy(root);
	}
	return 0;
}

BOOTED_TEST(dotdot_names_and_unsupported_types_are_skipped_with_a_log_line)
{
	static struct archive a;
	struct inode *root = ramfs_create_root();

	a.len = 0;
	add(&a, "../escape", S_IFREG | 0644, "x");
	add(&a, "a/../../escape2", S_IFREG | 0644, "x");
	add(&a, "dev/null", S_IFCHR | 0666, NULL);
	add(&a, "fifo", S_IFIFO | 0666, NULL);
	add(&a, "kept", S_IFREG | 0644, "x");
	add_trailer(&a);
	ck_assert_int_eq(cpio_unpack(root, a.bytes, a.len), 0);
	ck_assert_ptr_null(lookup(root, "/escape"));
	ck_assert_ptr_null(lookup(root, "/escape2"));
	ck_assert_ptr_null(lookup(root, "/dev/null"));
	ck_assert_ptr_null(lookup(root, "/fifo"));
	ck_assert_ptr_nonnull(lookup(root, "/kept"));
	ck_assert_ptr_nonnull(strstr(hal_test_log(NULL), "../escape"));
	ck_assert_ptr_nonnull(strstr(hal_test_log(NULL), "dev/null"));
	ramfs_destroy(root);
	return 0;
}

BOOTED_TEST(entry_clashing_with_a_file_of_another_type_is_skipped)
{
	static struct archive a;
	struct inode *root = ramfs_create_root();

	a.len = 0;
	add(&a, "f", S_IFREG | 0644, "x");
	add(&a, "f", S_IFDIR | 0755, NULL);
	add(&a, "f/under", S_IFREG | 0644, "x");
	add_trailer(&a);
	ck_assert_int_eq(cpio_unpack(root, a.bytes, a.len), 0);
	ck_assert(ramfs_is_regular(lookup(root, "/f")));
	ramfs_destroy(root);
	return 0;
}

/* A deterministic generator, so a failing case can be replayed. */
static uint32_t rng_next(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

BOOTED_TEST(randomly_corrupted_archives_never_crash_the_reader)
{
	static struct archive good, bad;
	uint32_t seed = 12345;
	int round, k;

	good.len = 0;
	add(&good, "./bin", S_IFDIR | 0755, NULL);
	add(&good, "./bin/hello", S_IFREG | 0755, "hello bytes");
	add(&good, "bin/sh", S_IFLNK | 0777, "/bin/hello");
	add(&good, "etc/passwd", S_IFREG | 0644, "root:x:0:0");
	add_trailer(&good);
	for (round = 0; round < 3000; round++) {
		struct inode *root = ramfs_create_root();
		int flips = 1 + (int)(rng_next(&seed) % 4), err;

		bad = good;
		for (k = 0; k < flips; k++)
			bad.bytes[rng_next(&seed) % good.len] = (char)rng_next(&seed);
		if (rng_next(&seed) % 4 == 0)
			bad.len = rng_next(&seed) % good.len;
		err = cpio_unpack(root, bad.bytes, bad.len);
		ck_assert_msg(err == 0 || err == -EINVAL, "round %d: %d", round, err);
		ramfs_destroy(root);
	}
	return 0;
}

int main(void)
{
	Suite *s = suite_create("cpio");
	TCase *tc = tcase_create("cpio");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, good_archive_unpacks_dirs_files_and_symlinks);
	tcase_add_test(tc, archive_without_trailer_ends_at_the_data_end);
	tcase_add_test(tc, crc_archive_is_checked);
	tcase_add_test(tc, hostile_archives_fail_cleanly_and_keep_earlier_entries);
	tcase_add_test(tc, dotdot_names_and_unsupported_types_are_skipped_with_a_log_line);
	tcase_add_test(tc, entry_clashing_with_a_file_of_another_type_is_skipped);
	tcase_add_test(tc, randomly_corrupted_archives_never_crash_the_reader);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
