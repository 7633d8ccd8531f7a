/* test_pagecache.c: the page cache under file mappings: shared writes reach read(2)'s
 * bytes, write(2) reaches mapped pages, private writes stay private, truncation zeroes
 * and drops pages, and the frames go back when the file and its mappings go. */
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <fs/file.h>
#include <mm/pagecache.h>
#include "../services_test.h"

#define RW (PROT_READ | PROT_WRITE)

/* A ramfs file of n bytes of 'a' opened read-write at fd 3 of p. */
static struct file *file_new(struct process *p, size_t n)
{
	struct inode *i;
	struct file *f;
	char buf[256];
	size_t k;

	ck_assert_int_eq(ramfs_create(p->root, "f", 1, S_IFREG | 0644, &i), 0);
	ck_assert_int_eq(ramfs_resize(i, n), 0);
	memset(buf, 'a', sizeof(buf));
	for (k = 0; k < n; k += sizeof(buf))
		memcpy(i->data + k, buf, MIN(sizeof(buf), n - k));
	f = ramfs_file_open(i, O_RDWR);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fdtable_install_at(p->fdt, f, 3, false), 3);
	file_put(f);
	return f;
}

BOOTED_TEST(shared_mapping_writes_reach_the_bytes_read_sees)
{
	struct process *p = svc_process_new();
	struct file *f = file_new(p, 2 * PAGE_SIZE);
	long a = mm_mmap(p->mm, 0, 2 * PAGE_SIZE, RW, MAP_SHARED, 3, 0);
	char c = 'X';

	ck_assert_int_gt(a, 0);
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, (uaddr_t)a + PAGE_SIZE + 5, &c, 1), 0);
	ck_assert_ptr_nonnull(f->inode->cache);
	pagecache_sync_to_data(f->inode, 0, 2 * PAGE_SIZE);
	ck_assert_int_eq(f->inode->data[PAGE_SIZE + 5], 'X');
	ck_assert_int_eq(f->inode->data[PAGE_SIZE + 6], 'a');
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(write_through_updates_mapped_pages)
{
	struct process *p = svc_process_new();
	struct file *f = file_new(p, PAGE_SIZE);
	long a = mm_mmap(p->mm, 0, PAGE_SIZE, PROT_READ, MAP_SHARED, 3, 0);
	char c = 0;

	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &c, (uaddr_t)a, 1), 0);
	ck_assert_int_eq(c, 'a');
	f->inode->data[0] = 'W';
	pagecache_write_through(f->inode, 0, 1);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &c, (uaddr_t)a, 1), 0);
	ck_assert_int_eq(c, 'W');
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(private_mapping_writes_leave_the_file_alone)
{
	struct process *p = svc_process_new();
	struct file *f = file_new(p, PAGE_SIZE);
	long a = mm_mmap(p->mm, 0, PAGE_SIZE, RW, MAP_PRIVATE, 3, 0);
	char c = 'P';

	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &c, (uaddr_t)a, 1), 0);
	c = 'P';
	ck_assert_int_eq(vmspace_copy_to(p->mm->vs, (uaddr_t)a, &c, 1), 0);
	pagecache_sync_to_data(f->inode, 0, PAGE_SIZE);
	ck_assert_int_eq(f->inode->data[0], 'a');
	c = 0;
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &c, (uaddr_t)a, 1), 0);
	ck_assert_int_eq(c, 'P');
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(fault_past_the_end_of_the_file_is_eio_for_sigbus)
{
	struct process *p = svc_process_new();
	long a;

	file_new(p, 100);
	a = mm_mmap(p->mm, 0, 3 * PAGE_SIZE, PROT_READ, MAP_SHARED, 3, 0);
	ck_assert_int_eq(mm_fault(p->mm, (uaddr_t)a + 50, VM_READ), 0);
	ck_assert_int_eq(mm_fault(p->mm, (uaddr_t)a + PAGE_SIZE, VM_READ), -EIO);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(shrinking_drops_pages_and_zeroes_the_tail)
{
	struct process *p = svc_process_new();
	struct file *f = file_new(p, 2 * PAGE_SIZE);
	struct frame *fr;
	char c = 1;

	ck_assert_int_eq(pagecache_get_page(f->inode, 0, &fr), 0);
	ck_assert_int_eq(pagecache_get_page(f->inode, 1, &fr), 0);
	ck_assert_int_eq(ramfs_resize(f->inode, 10), 0);
	ck_assert(!pagecache_has_page(f->inode, 1));
	ck_assert(pagecache_has_page(f->inode, 0));
	ck_assert_int_eq(pagecache_get_page(f->inode, 0, &fr), 0);
	ck_assert_int_eq(frame_read(fr, 10, &c, 1), 0);
	ck_assert_int_eq(c, 0);
	ck_assert_int_eq(frame_read(fr, 9, &c, 1), 0);
	ck_assert_int_eq(c, 'a');
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(shrinking_a_mapped_file_unmaps_the_pages_past_its_end)
{
	struct process *p = svc_process_new();
	struct file *f = file_new(p, 3 * PAGE_SIZE);
	long a = mm_mmap(p->mm, 0, 3 * PAGE_SIZE, PROT_READ, MAP_SHARED, 3, 0);
	struct vm_query q;
	char c;

	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &c, (uaddr_t)a + 2 * PAGE_SIZE, 1), 0);
	ck_assert_int_eq(vmspace_query(p->mm->vs, (uaddr_t)a + 2 * PAGE_SIZE, &q), 0);
	ck_assert_int_eq(ramfs_resize(f->inode, PAGE_SIZE), 0);
	ck_assert_int_eq(vmspace_query(p->mm->vs, (uaddr_t)a + 2 * PAGE_SIZE, &q), -ENOENT);
	ck_assert_int_eq(vmspace_query(p->mm->vs, (uaddr_t)a, &q), 0);
	ck_assert_int_eq(mm_fault(p->mm, (uaddr_t)a + 2 * PAGE_SIZE, VM_READ), -EIO);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(mapped_file_frames_return_when_all_is_gone)
{
	struct frame_stats before, after;
	struct process *p;
	long a;
	char c;

	frame_stats_get(&before);
	p = svc_process_new();
	file_new(p, 4 * PAGE_SIZE);
	a = mm_mmap(p->mm, 0, 4 * PAGE_SIZE, PROT_READ, MAP_SHARED, 3, 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &c, (uaddr_t)a + 3 * PAGE_SIZE, 1), 0);
	ck_assert_int_eq(ramfs_unlink(p->root, "f", 1), 0);
	svc_process_free(p);
	frame_stats_get(&after);
	ck_assert_uint_eq(after.in_use[FRAME_USER], before.in_use[FRAME_USER]);
	return 0;
}

BOOTED_TEST(mmap_checks_the_open_mode_like_linux)
{
	struct process *p = svc_process_new();
	struct file *f = file_new(p, PAGE_SIZE);

	f->flags = O_RDONLY;
	ck_assert_int_eq(mm_mmap(p->mm, 0, PAGE_SIZE, RW, MAP_SHARED, 3, 0), -EACCES);
	ck_assert_int_gt(mm_mmap(p->mm, 0, PAGE_SIZE, RW, MAP_PRIVATE, 3, 0), 0);
	ck_assert_int_eq(mm_mmap(p->mm, 0, PAGE_SIZE, PROT_READ, MAP_SHARED, 3, 1), -EINVAL);
	f->flags = O_WRONLY;
	ck_assert_int_eq(mm_mmap(p->mm, 0, PAGE_SIZE, PROT_READ, MAP_SHARED, 3, 0), -EACCES);
	f->flags = O_RDWR;
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("pagecache");
	TCase *tc = tcase_create("pagecache");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, shared_mapping_writes_reach_the_bytes_read_sees);
	tcase_add_test(tc, write_through_updates_mapped_pages);
	tcase_add_test(tc, private_mapping_writes_leave_the_file_alone);
	tcase_add_test(tc, fault_past_the_end_of_the_file_is_eio_for_sigbus);
	tcase_add_test(tc, shrinking_drops_pages_and_zeroes_the_tail);
	tcase_add_test(tc, shrinking_a_mapped_file_unmaps_the_pages_past_its_end);
	tcase_add_test(tc, mapped_file_frames_return_when_all_is_gone);
	tcase_add_test(tc, mmap_checks_the_open_mode_like_linux);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
