/* abi/dirent.h: the records getdents64 writes, and their d_type values. */
#ifndef ABI_DIRENT_H
#define ABI_DIRENT_H

#include <stdint.h>

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK     10
#define DT_SOCK    12

/* Followed by d_name's NUL-terminated bytes; d_reclen rounds the record up to 8 bytes. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t  d_off;
	uint16_t d_reclen;
	uint8_t  d_type;
	char     d_name[];
};

#endif
