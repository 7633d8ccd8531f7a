/* source_scan.h: the rules read from a service's preprocessed source: no asm, and no
 * header from outside the directories services may include from. */
#ifndef OSTD_AUDIT_SOURCE_SCAN_H
#define OSTD_AUDIT_SOURCE_SCAN_H

#include <stddef.h>

struct source_scan_opts {
	const char *name;             /* the source as the user knows it, for messages */
	const char *const *allow_dirs; /* real paths; headers must lie under one of them */
	size_t n_allow_dirs;
};

/* Scans path (the output of cc -E for opts->name; an assembly source is reported as it
 * is). Returns 0 or a negative errno; violations go to report_count(). */
int source_scan_file(const char *path, const struct source_scan_opts *opts);

#endif
