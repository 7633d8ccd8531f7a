/* source_scan.c: a small C lexer over cc -E output. Line markers (# LINE "FILE" FLAGS)
 * say where each token came from; string and character literals are skipped so that a
 * message text mentioning asm is not a violation. */
#include "source_scan.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

struct source_pos {
	char file[PATH_MAX];
	unsigned long line;
};

static bool source_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static bool source_dir_allowed(const char *file, const struct source_scan_opts *opts)
{
	char real[PATH_MAX];

	if (!realpath(file, real))
		return false;
	for (size_t i = 0; i < opts->n_allow_dirs; i++) {
		size_t n = strlen(opts->allow_dirs[i]);

		if (!strncmp(real, opts->allow_dirs[i], n) && real[n] == '/')
			return true;
	}
	return false;
}

/* A line marker: "# 12 "path" 1 3". Flag 1 means path was just included from pos.
 * Returns false for other directives (#pragma), which take a line of their own. */
static bool source_parse_marker(const char *line, struct source_pos *pos,
				const struct source_scan_opts *opts)
{
	char file[PATH_MAX];
	unsigned long num;
	int used = 0;

	if (sscanf(line, "# %lu \"%4095[^\"]\"%n", &num, file, &used) < 2)
		return false;
	if (file[0] != '<' && strstr(line + used, " 1") && !source_dir_allowed(file, opts))
		report_violation(pos->file, "headers",
				 "includes %s, outside the compiler's freestanding headers, "
				 "src/ostd/include and src/services", file);
	snprintf(pos->file, sizeof(pos->file), "%s", file);
	pos->line = num;
	return true;
}

static const char *source_skip_literal(const char *p)
{
	char quote = *p++;

	while (*p && *p != quote) {
		if (*p == '\\' && p[1])
			p++;
		p++;
	}
	return *p ? p + 1 : p;
}

static void source_report_asm(const struct source_pos *pos, const char *tok, size_t len)
{
	char where[PATH_MAX + 32];

	snprintf(where, sizeof(where), "%s:%lu", pos->file, pos->line);
	report_violation(where, "asm", "inline assembly ('%.*s') is not allowed in services",
			 (int)len, tok);
}

static void source_scan_tokens(const char *line, const struct source_pos *pos, bool *in_comment)
{
	const char *p = line;

	while (*p) {
		if (*in_comment) {
			const char *end = strstr(p, "*/");

			if (!end)
				return;
			*in_comment = false;
			p = end + 2;
		} else if (p[0] == '/' && p[1] == '*') {
			*in_comment = true;
			p += 2;
		} else if (p[0] == '/' && p[1] == '/') {
			return;
		} else if (*p == '"' || *p == '\'') {
			p = source_skip_literal(p);
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			size_t len = 0;

			while (isalnum((unsigned char)p[len]) || p[len] == '_')
				len++;
			if ((len == 3 && !strncmp(p, "asm", 3)) || (len == 5 && !strncmp(p, "__asm", 5)) ||
			    (len == 7 && !strncmp(p, "__asm__", 7)))
				source_report_asm(pos, p, len);
			p += len;
		} else if (isdigit((unsigned char)*p)) {
			while (isalnum((unsigned char)*p) || *p == '_' || *p == '.')
				p++;
		} else {
			p++;
		}
	}
}

int source_scan_file(const char *path, const struct source_scan_opts *opts)
{
	struct source_pos pos = { .line = 1 };
	bool in_comment = false;
	char *line = NULL;
	size_t cap = 0;
	FILE *f;

	if (source_has_suffix(opts->name, ".S") || source_has_suffix(opts->name, ".s")) {
		report_violation(opts->name, "asm", "assembly sources are not allowed in services");
		return 0;
	}
	f = fopen(path, "r");
	if (!f)
		return -errno;
	snprintf(pos.file, sizeof(pos.file), "%s", opts->name);
	while (getline(&line, &cap, f) > 0) {
		if (line[0] == '#' && !in_comment && source_parse_marker(line, &pos, opts))
			continue;
		source_scan_tokens(line, &pos, &in_comment);
		pos.line++;
	}
	free(line);
	fclose(f);
	return 0;
}
