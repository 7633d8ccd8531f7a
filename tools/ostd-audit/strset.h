/* strset.h: a set of strings (symbol names), filled once and then queried. */
#ifndef OSTD_AUDIT_STRSET_H
#define OSTD_AUDIT_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct strset {
	char **items;
	size_t n, cap;
	bool sorted;
};

/* Adds a copy of s; returns 0 or -ENOMEM. */
int strset_add(struct strset *set, const char *s);
bool strset_has(struct strset *set, const char *s);
/* Reads one name per line (blank lines and '#' comments skipped); 0 or a negative errno. */
int strset_load_file(struct strset *set, const char *path);
void strset_free(struct strset *set);

#endif
