/* afl_main.c: the AFL++ driver: persistent mode with the test case in shared memory. The
 * kernel boots on the first input, after the fork server forked (fuzz_kernel.h), and then
 * serves up to 10000 inputs before AFL++ starts a fresh process. Also runs one file given
 * on the command line, for afl-tmin, afl-cmin and crash triage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_target.h"

__AFL_FUZZ_INIT();

#define AFL_INPUT_MAX (1u << 20)

static int afl_run_file(const char *path)
{
	static uint8_t buf[AFL_INPUT_MAX];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		perror(path);
		return 1;
	}
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned char *buf;

	if (argc > 1)
		return afl_run_file(argv[1]);
	__AFL_INIT();
	buf = __AFL_FUZZ_TESTCASE_BUF;
	while (__AFL_LOOP(10000)) {
		size_t n = (size_t)__AFL_FUZZ_TESTCASE_LEN;
		/* An exact-size copy, so ASan sees a read past the input's end. */
		uint8_t *copy = malloc(n ? n : 1);

		if (!copy)
			abort();
		memcpy(copy, buf, n);
		LLVMFuzzerTestOneInput(copy, n);
		free(copy);
	}
	return 0;
}
