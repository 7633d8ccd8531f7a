/* cpio_builder.h: writing small cpio newc archives in memory, for the fs and boot tests. */
#ifndef TESTS_UNIT_SERVICES_CPIO_BUILDER_H
#define TESTS_UNIT_SERVICES_CPIO_BUILDER_H

#include <stdio.h>
#include <string.h>

struct archive {
	char bytes[16384];
	size_t len;
};

static inline void archive_pad4(struct archive *a)
{
	while (a->len % 4)
		a->bytes[a->len++] = '\0';
}

/* Appends one entry; namesize 0 means strlen(name) + 1, and the name's NUL is written only
 * up to namesize bytes. */
static inline void archive_add_entry(struct archive *a, const char *magic, const char *name,
				     unsigned int mode, const void *data, size_t n,
				     unsigned int namesize, unsigned int check)
{
	size_t nl = strlen(name) + 1;

	if (!namesize)
		namesize = (unsigned int)nl;
	a->len += (size_t)sprintf(a->bytes + a->len,
		"%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", magic, 1u, mode, 0u,
		0u, 1u, 1000u, (unsigned int)n, 0u, 0u, 0u, 0u, namesize, check);
	memcpy(a->bytes + a->len, name, nl < namesize ? nl : namesize);
	a->len += namesize;
	archive_pad4(a);
	if (n)
		memcpy(a->bytes + a->len, data, n);
	a->len += n;
	archive_pad4(a);
}

static inline void archive_add(struct archive *a, const char *name, unsigned int mode,
			       const char *data)
{
	archive_add_entry(a, "070701", name, mode, data, data ? strlen(data) : 0, 0, 0);
}

static inline void archive_add_trailer(struct archive *a)
{
	archive_add(a, "TRAILER!!!", 0, NULL);
}

#endif
