/* abi_table.h: the tables abi_ours.c, abi_glibc.c and abi_kernel.c build from abi_list.h. */
#ifndef TESTS_UNIT_SERVICES_ABI_TABLE_H
#define TESTS_UNIT_SERVICES_ABI_TABLE_H

#include <stddef.h>

struct abi_entry {
	const char *what;
	long long value;
};

struct abi_table {
	const struct abi_entry *entries;
	size_t count;
};

/* Keel's values, and the host's, for each list. */
extern const struct abi_table abi_ours_errno, abi_ours_glibc, abi_ours_kernel;
extern const struct abi_table abi_host_errno, abi_host_glibc, abi_host_kernel;

/* Names are stringised here, before their macros expand; every side labels an entry with
 * Keel's spelling, so the tables line up by label. */
#define ABI_C(n) { #n, (long long)(n) },
#define ABI_S_OF(label, t) { label, (long long)sizeof(t) },
#define ABI_F_OF(label, t, tf) { label, (long long)offsetof(t, tf) },

#define ABI_TABLE(name, list) \
	static const struct abi_entry name##_entries[] = { list }; \
	const struct abi_table name = { name##_entries, \
		sizeof(name##_entries) / sizeof(name##_entries[0]) };

#endif
