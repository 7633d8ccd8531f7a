/* abi/statfs.h: x86-64 Linux's struct statfs, and the values Keel's ramfs reports in it. */
#ifndef ABI_STATFS_H
#define ABI_STATFS_H

#include <stdint.h>

/* The layout of x86-64 Linux's struct statfs (120 bytes): every word is a long. */
struct statfs {
	int64_t f_type;
	int64_t f_bsize;
	uint64_t f_blocks;
	uint64_t f_bfree;
	uint64_t f_bavail;
	uint64_t f_files;
	uint64_t f_ffree;
	int32_t f_fsid[2];
	int64_t f_namelen;
	int64_t f_frsize;
	int64_t f_flags;
	int64_t f_spare[4];
};

#define TMPFS_MAGIC 0x01021994
#define RAMFS_MAGIC 0x858458f6
#define PROC_SUPER_MAGIC 0x9fa0
#define SYSFS_MAGIC 0x62656572
/* f_flags: the mount flags are valid */
#define ST_VALID 0x0020

#endif
