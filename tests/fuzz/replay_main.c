/* replay_main.c: runs a fuzz target over files and directories of inputs, without a
 * fuzzer: the regression check (every reproducer in regressions/ must now pass), corpus
 * replay for the syscall count, and triage. Builds with any compiler; a finding aborts
 * (a sanitizer report, a kernel panic, a leak), so the exit status says it all.
 *
 *   replay-TARGET [-q] PATH...     PATH: an input file, or a directory of them */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_target.h"

static unsigned int replay_count;
static int replay_quiet;

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;

	if (!f) {
		perror(path);
		return 1;
	}
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		goto out_close;
	/* Exactly the input's size, so ASan sees a read past its end. */
	buf = malloc(n ? (size_t)n : 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		goto out_close;
	fclose(f);
	if (!replay_quiet)
		fprintf(stderr, "replay %s: %s\n", fuzz_target_name, path);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	replay_count++;
	return 0;

out_close:
	free(buf);
	fclose(f);
	fprintf(stderr, "%s: cannot read\n", path);
	return 1;
}

/* A directory's regular files, in name order so runs are reproducible. */
static int replay_dir(const char *dir)
{
	struct dirent **list;
	char path[4096];
	int n, i, err = 0;

	n = scandir(dir, &list, NULL, alphasort);
	if (n < 0) {
		perror(dir);
		return 1;
	}
	for (i = 0; i < n; i++) {
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
		if (list[i]->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode))
			err |= replay_file(path);
		free(list[i]);
	}
	free(list);
	return err;
}

int main(int argc, char **argv)
{
	struct stat st;
	int i, err = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-q")) {
			replay_quiet = 1;
			continue;
		}
		if (stat(argv[i], &st)) {
			perror(argv[i]);
			err = 1;
		} else {
			err |= S_ISDIR(st.st_mode) ? replay_dir(argv[i]) : replay_file(argv[i]);
		}
	}
	printf("%s: %u inputs replayed\n", fuzz_target_name, replay_count);
	fuzz_target_summary();
	return err;
}
