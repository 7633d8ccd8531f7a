/* seed_gen.c: writes the syscall target's seed corpus (corpus/syscall): one input per
 * syscall of the table, called with plausible typed arguments after opening a file and a
 * pipe, plus a few multi-call scenarios (fork and wait, a thread, a signal, memory).
 * Deterministic: the same table gives the same files.
 *
 *   seed-syscall DIR */
#include <stdio.h>
#include <string.h>

#include <strace/decode.h>
#include "sys_program.h"

struct seed {
	uint8_t b[1024];
	size_t n;
};

static void put8(struct seed *s, unsigned int v)
{
	if (s->n < sizeof(s->b))
		s->b[s->n++] = (uint8_t)v;
}

/* A typed argument: selector, aux, and for pointer kinds len zero bytes. */
static void put_typed(struct seed *s, unsigned int kind, unsigned int sel, unsigned int aux,
		      unsigned int len)
{
	put8(s, 0);
	put8(s, sel);
	put8(s, aux);
	if (sys_kind_has_bytes(kind)) {
		put8(s, len);
		for (unsigned int i = 0; i < len; i++)
			put8(s, 0);
	}
}

/* Plausible first choices per kind: the latest fd, /tmp/f, small sizes, SIGUSR1. */
static void put_default(struct seed *s, unsigned int kind)
{
	switch (kind) {
	case SK_STR:
		put_typed(s, kind, 2, 0, 0);           /* sys_paths[2]: /tmp/f */
		break;
	case SK_ULONG:
	case SK_UINT:
		put_typed(s, kind, 16, 0, 0);
		break;
	case SK_SIGNAL:
		put_typed(s, kind, 10, 0, 0);
		break;
	case SK_CLOCK:
		put_typed(s, kind, 1, 0, 0);
		break;
	case SK_OPEN_FLAGS:
		put_typed(s, kind, 2, 0, 0);           /* O_RDWR */
		break;
	case SK_PROT:
		put_typed(s, kind, 3, 0, 0);           /* PROT_READ|PROT_WRITE */
		break;
	case SK_MAP_FLAGS:
		put_typed(s, kind, 5, 0, 0);           /* MAP_PRIVATE|MAP_ANONYMOUS */
		break;
	case SK_WBUF:
	case SK_RBUF:
	case SK_RSTR:
	case SK_PTR:
	case SYS_KIND_ANY:
		put_typed(s, kind, 0, 0, 16);
		break;
	default:
		put_typed(s, kind, 0, 0, 0);
		break;
	}
}

static void put_call(struct seed *s, unsigned int nr)
{
	const struct strace_signature *sig = strace_signature_of(nr);
	int k = sys_table_find(nr);
	unsigned int i, n = k < 0 ? 6 : sys_table_nargs((unsigned int)k);

	/* A raw selector, little endian, so the seed keeps its meaning as the table grows. */
	put8(s, nr & 0xff);
	put8(s, 0x80 | (nr >> 8));
	for (i = 0; i < n && i < 6; i++)
		put_default(s, sig && i < sig->nargs ? sig->args[i] : SYS_KIND_ANY);
}

static int seed_write(const char *dir, const char *name, const struct seed *s)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(s->b, 1, s->n, f) != s->n) {
		perror(path);
		if (f)
			fclose(f);
		return 1;
	}
	return fclose(f) != 0;
}

/* open("/tmp/f", O_RDWR) and pipe2 first, so fd arguments name something. */
static void put_prefix(struct seed *s)
{
	put_call(s, 2);
	put_call(s, 293);
}

static int seed_scenarios(const char *dir)
{
	static const struct {
		const char *name;
		unsigned int nrs[8];
	} scen[] = {
		{ "fork-wait", { 57, 39, 110, 61, 231 } },
		{ "clone-thread", { 56, 186, 39, 60 } },
		{ "signal-self", { 13, 14, 62, 127, 34 } },
		{ "memory", { 9, 10, 28, 11, 12 } },
		{ "file-io", { 2, 1, 8, 0, 5, 77, 3 } },
		{ "dirs", { 83, 80, 79, 217, 84 } },
		{ "exec", { 59 } },
		{ "sleep", { 35, 230, 37, 34 } },
	};
	int err = 0;

	for (unsigned int k = 0; k < sizeof(scen) / sizeof(scen[0]); k++) {
		struct seed s = { .n = 0 };

		put_prefix(&s);
		for (unsigned int i = 0; i < 8 && scen[k].nrs[i]; i++)
			put_call(&s, scen[k].nrs[i]);
		err |= seed_write(dir, scen[k].name, &s);
	}
	return err;
}

int main(int argc, char **argv)
{
	char name[64];
	int err = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: seed-syscall DIR\n");
		return 2;
	}
	for (unsigned int i = 0; i < sys_table_count(); i++) {
		struct seed s = { .n = 0 };

		put_prefix(&s);
		put_call(&s, sys_table_nr(i));
		snprintf(name, sizeof(name), "nr%03u", sys_table_nr(i));
		err |= seed_write(argv[1], name, &s);
	}
	err |= seed_scenarios(argv[1]);
	return err;
}
