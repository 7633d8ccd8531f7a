/* main.c: ostd-audit, the framekernel rule checker for services objects and sources.
 *
 *   ostd-audit symbols --allowlist FILE [--services LIB]... [--ostd LIB] OBJ|LIB...
 *   ostd-audit opcodes [--objdump PROG] [--objdump-riscv PROG] OBJ|LIB...
 *   ostd-audit source --name SRC [--allow-dir DIR]... PREPROCESSED
 *
 * Exit status: 0 when every rule holds, 1 when some rule is broken (one line each on
 * stdout, naming the rule), 2 when the audit itself could not run. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opcodes.h"
#include "report.h"
#include "source_scan.h"
#include "strset.h"
#include "symbols.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

enum { OPT_ALLOWLIST = 1, OPT_SERVICES, OPT_OSTD, OPT_OBJDUMP, OPT_OBJDUMP_RISCV, OPT_NAME,
       OPT_ALLOW_DIR };

static const struct option audit_options[] = {
	{ "allowlist", required_argument, NULL, OPT_ALLOWLIST },
	{ "services", required_argument, NULL, OPT_SERVICES },
	{ "ostd", required_argument, NULL, OPT_OSTD },
	{ "objdump", required_argument, NULL, OPT_OBJDUMP },
	{ "objdump-riscv", required_argument, NULL, OPT_OBJDUMP_RISCV },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "allow-dir", required_argument, NULL, OPT_ALLOW_DIR },
	{ NULL, 0, NULL, 0 },
};

struct audit_args {
	const char *allowlist, *ostd, *name;
	const char *services[64];
	size_t n_services;
	char *allow_dirs[16];
	size_t n_allow_dirs;
	struct opcodes_tools tools;
};

static int audit_usage(void)
{
	fprintf(stderr,
		"usage: ostd-audit symbols --allowlist FILE [--services LIB]... [--ostd LIB] OBJ...\n"
		"       ostd-audit opcodes [--objdump PROG] [--objdump-riscv PROG] OBJ...\n"
		"       ostd-audit source --name SRC [--allow-dir DIR]... PREPROCESSED\n");
	return 2;
}

static int audit_parse(int argc, char **argv, struct audit_args *a)
{
	int opt;

	a->tools.objdump_x86 = "objdump";
	while ((opt = getopt_long(argc, argv, "", audit_options, NULL)) != -1) {
		switch (opt) {
		case OPT_ALLOWLIST: a->allowlist = optarg; break;
		case OPT_OSTD: a->ostd = optarg; break;
		case OPT_NAME: a->name = optarg; break;
		case OPT_OBJDUMP: a->tools.objdump_x86 = optarg; break;
		case OPT_OBJDUMP_RISCV: a->tools.objdump_riscv = optarg; break;
		case OPT_SERVICES:
			if (a->n_services == ARRAY_LEN(a->services))
				return -E2BIG;
			a->services[a->n_services++] = optarg;
			break;
		case OPT_ALLOW_DIR:
			if (a->n_allow_dirs == ARRAY_LEN(a->allow_dirs))
				return -E2BIG;
			/* Compared against realpath() of each header, so resolve it the same way. */
			a->allow_dirs[a->n_allow_dirs] = realpath(optarg, NULL);
			if (!a->allow_dirs[a->n_allow_dirs]) {
				fprintf(stderr, "ostd-audit: %s: %s\n", optarg, strerror(errno));
				return -errno;
			}
			a->n_allow_dirs++;
			break;
		default:
			return -EINVAL;
		}
	}
	return 0;
}

static int audit_symbols(char **files, int n, struct audit_args *a)
{
	struct strset allow = { 0 }, defined = { 0 }, ostd = { 0 };
	int err;

	if (!a->allowlist)
		return -EINVAL;
	err = strset_load_file(&allow, a->allowlist);
	if (err || !allow.n) {
		fprintf(stderr, "ostd-audit: %s: no allowlist (%s)\n", a->allowlist,
			err ? strerror(-err) : "empty");
		err = err ? err : -EINVAL;
		goto out_free_sets;
	}
	for (size_t i = 0; !err && i < a->n_services; i++)
		err = symbols_collect_defined(a->services[i], &defined);
	for (int i = 0; !err && i < n; i++)
		err = symbols_collect_defined(files[i], &defined);
	if (!err && a->ostd)
		err = symbols_collect_defined(a->ostd, &ostd);
	for (int i = 0; !err && i < n; i++)
		err = symbols_check(files[i], &allow, &defined, a->ostd ? &ostd : NULL);
out_free_sets:
	strset_free(&ostd);
	strset_free(&defined);
	strset_free(&allow);
	return err;
}

static int audit_opcodes(char **files, int n, struct audit_args *a)
{
	int err = 0;

	for (int i = 0; !err && i < n; i++)
		err = opcodes_check(files[i], &a->tools);
	return err;
}

static int audit_source(char **files, int n, struct audit_args *a)
{
	struct source_scan_opts opts = {
		.name = a->name,
		.allow_dirs = (const char *const *)a->allow_dirs,
		.n_allow_dirs = a->n_allow_dirs,
	};

	if (n != 1 || !a->name)
		return -EINVAL;
	return source_scan_file(files[0], &opts);
}

int main(int argc, char **argv)
{
	struct audit_args a = { 0 };
	const char *cmd;
	int err;

	if (argc < 2)
		return audit_usage();
	cmd = argv[1];
	err = audit_parse(argc - 1, argv + 1, &a);
	if (err)
		return audit_usage();
	argc -= optind + 1;
	argv += optind + 1;
	if (!strcmp(cmd, "symbols"))
		err = audit_symbols(argv, argc, &a);
	else if (!strcmp(cmd, "opcodes"))
		err = audit_opcodes(argv, argc, &a);
	else if (!strcmp(cmd, "source"))
		err = audit_source(argv, argc, &a);
	else
		err = -EINVAL;
	for (size_t i = 0; i < a.n_allow_dirs; i++)
		free(a.allow_dirs[i]);
	if (err == -EINVAL)
		return audit_usage();
	if (err) {
		fprintf(stderr, "ostd-audit %s: %s\n", cmd, strerror(-err));
		return 2;
	}
	return report_count() ? 1 : 0;
}
