/* cpio_target.c: the initramfs reader as a fuzz target: each input is a cpio archive
 * unpacked into a fresh ramfs, which is then freed and must give everything back. */
#include <stdlib.h>

#include <fs/cpio.h>
#include <fs/ramfs.h>

#include "fuzz_kernel.h"
#include "fuzz_leak.h"
#include "fuzz_target.h"

const char fuzz_target_name[] = "cpio";

struct cpio_job {
	const uint8_t *data;
	size_t size;
};

static int cpio_target_job(void *arg)
{
	const struct cpio_job *j = arg;
	struct fuzz_leak_mark mark;
	struct inode *root;

	fuzz_leak_mark(&mark);
	root = ramfs_create_root();
	if (!root)
		return -1;
	(void)cpio_unpack(root, j->data, j->size);
	ramfs_destroy(root);
	return fuzz_leak_since(&mark, fuzz_target_name) ? -1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cpio_job j = { data, size };

	if (fuzz_kernel_run(cpio_target_job, &j))
		abort();
	return 0;
}

void fuzz_target_summary(void)
{
}
