/* strset.c: a sorted array of strings; lookups sort lazily after the last insertion. */
#include "strset.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int strset_add(struct strset *set, const char *s)
{
	char *copy;

	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		char **items = realloc(set->items, cap * sizeof(*items));

		if (!items)
			return -ENOMEM;
		set->items = items;
		set->cap = cap;
	}
	copy = strdup(s);
	if (!copy)
		return -ENOMEM;
	set->items[set->n++] = copy;
	set->sorted = false;
	return 0;
}

static int strset_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool strset_has(struct strset *set, const char *s)
{
	if (!set->sorted) {
		if (set->n)
			qsort(set->items, set->n, sizeof(*set->items), strset_cmp);
		set->sorted = true;
	}
	return set->n && bsearch(&s, set->items, set->n, sizeof(*set->items), strset_cmp);
}

int strset_load_file(struct strset *set, const char *path)
{
	char line[512];
	FILE *f = fopen(path, "r");
	int err = 0;

	if (!f)
		return -errno;
	while (!err && fgets(line, sizeof(line), f)) {
		size_t len = strcspn(line, " \t\r\n");

		line[len] = '\0';
		if (len && line[0] != '#')
			err = strset_add(set, line);
	}
	if (!err && ferror(f))
		err = -EIO;
	fclose(f);
	return err;
}

void strset_free(struct strset *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->items[i]);
	free(set->items);
	*set = (struct strset){ 0 };
}
