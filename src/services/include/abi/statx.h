/* abi/statx.h: statx(2)'s struct statx and flags, as Linux defines them (256 bytes). */
#ifndef ABI_STATX_H
#define ABI_STATX_H

#include <stdint.h>

#define AT_STATX_SYNC_TYPE   0x6000
#define AT_STATX_FORCE_SYNC  0x2000
#define AT_STATX_DONT_SYNC   0x4000

#define STATX_TYPE        0x0001u
#define STATX_MODE        0x0002u
#define STATX_NLINK       0x0004u
#define STATX_UID         0x0008u
#define STATX_GID         0x0010u
#define STATX_ATIME       0x0020u
#define STATX_MTIME       0x0040u
#define STATX_CTIME       0x0080u
#define STATX_INO         0x0100u
#define STATX_SIZE        0x0200u
#define STATX_BLOCKS      0x0400u
#define STATX_BASIC_STATS 0x07ffu
#define STATX__RESERVED   0x80000000u

struct statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t __reserved;
};

struct statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t __spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor;
	uint32_t stx_dev_major, stx_dev_minor;
	uint64_t __spare2[14];
};

_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");

#endif
