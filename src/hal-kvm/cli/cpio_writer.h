/* cpio_writer.h: builds a cpio "newc" archive of a host directory (keel run --root DIR). */
#ifndef HAL_KVM_CPIO_WRITER_H
#define HAL_KVM_CPIO_WRITER_H

#include <glib.h>

/* Appends DIR's tree to a new archive; on failure returns NULL and sets *err naming the file. */
GByteArray *cpio_from_dir(const char *dir, GError **err);

#endif
