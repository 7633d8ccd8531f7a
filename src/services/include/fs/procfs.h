/* fs/procfs.h: procfs (/proc) and the minimal sysfs (/sys), file systems whose files are
 * made when they are read, from the kernel's own state. */
#ifndef SERVICES_FS_PROCFS_H
#define SERVICES_FS_PROCFS_H

#include <ostd/types.h>

struct inode;

/* A new instance: its root directory, or NULL when out of memory. */
struct inode *procfs_create(void);
struct inode *sysfs_create(void);
/* Whether a file of the instance is open or a directory of it is a cwd or root. */
bool procfs_busy(struct inode *root);
void procfs_destroy(struct inode *root);

#endif
