/* elf_target.c: the ELF loader as a fuzz target: each input is an executable file that
 * elf_load maps into a fresh address space and stack_build gives a stack, as execve
 * would; then everything is freed and must be given back. */
#include <stdlib.h>

#include <exec/exec.h>
#include <mm/mm.h>

#include "fuzz_kernel.h"
#include "fuzz_leak.h"
#include "fuzz_target.h"

const char fuzz_target_name[] = "elf";

struct elf_job {
	const uint8_t *data;
	size_t size;
};

static int elf_target_job(void *arg)
{
	static char *const argv[] = { "/bin/prog", "arg", NULL };
	static char *const envp[] = { "HOME=/", NULL };
	const struct elf_job *j = arg;
	struct fuzz_leak_mark mark;
	struct elf_image img;
	struct mm *mm;
	uaddr_t sp;

	fuzz_leak_mark(&mark);
	mm = mm_create();
	if (!mm)
		return -1;
	if (elf_load(mm, j->data, j->size, &img) == 0)
		(void)stack_build(mm, &img, 2, argv, envp, "/bin/prog", &sp);
	mm_put(mm);
	return fuzz_leak_since(&mark, fuzz_target_name) ? -1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_job j = { data, size };

	if (fuzz_kernel_run(elf_target_job, &j))
		abort();
	return 0;
}

void fuzz_target_summary(void)
{
}
