/* main.c: the `keel` command: `keel run ...`, `keel --version`, `keel --help`. */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "cli/run.h"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: keel run [OPTIONS] [--] PROGRAM [ARG...]\n"
		"       keel --version | --help\n"
		"\n"
		"Runs an unmodified Linux x86-64 program on the Keel kernel, hosted in this\n"
		"process. `keel run --help` lists the options.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "keel: no command given (try 'keel --help')\n");
		return KEEL_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("keel %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "run") == 0)
		return cli_run(argc - 1, argv + 1);
	fprintf(stderr, "keel: unknown command '%s' (try 'keel --help')\n", argv[1]);
	return KEEL_EXIT_USAGE;
}
