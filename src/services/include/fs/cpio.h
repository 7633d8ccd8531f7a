/* fs/cpio.h: unpacking cpio "newc" archives (initramfs) into a ramfs tree. */
#ifndef SERVICES_FS_CPIO_H
#define SERVICES_FS_CPIO_H

#include <ostd/types.h>

struct inode;

#define CPIO_HEADER_SIZE 110

/* Unpacks every entry of data[0..size) under root, up to the "TRAILER!!!" entry or the end
 * of data. Names are made relative ("/", "./" and "." parts dropped), missing parent
 * directories are created, names with ".." and unsupported types are skipped with a log
 * line. Returns 0, -EINVAL for a malformed archive (bad magic, truncated header, name or
 * data, a 070702 checksum mismatch; entries before it stay unpacked) or -ENOMEM. */
int cpio_unpack(struct inode *root, const void *data, size_t size);

#endif
