/* fs/chardev.h: the character devices every Linux program expects in /dev. */
#ifndef SERVICES_FS_CHARDEV_H
#define SERVICES_FS_CHARDEV_H

#include <ostd/types.h>

struct file;
struct inode;

#define CHARDEV(major, minor) (((uint32_t)(major) << 8) | (uint32_t)(minor))

/* Opens the device node i: a file with the device's operations, -ENXIO for a device
 * number Keel does not have, -ENOMEM. */
int chardev_open(struct inode *i, unsigned int flags, struct file **out);
/* Creates /dev/null, zero, full, random, urandom, tty and console in dev when missing. */
void chardev_populate(struct inode *dev);

#endif
