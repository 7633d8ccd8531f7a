/* fs/flock.h: flock(2) whole-file locks (fs/flock.c). */
#ifndef SERVICES_FS_FLOCK_H
#define SERVICES_FS_FLOCK_H

struct file;

long sys_flock(int fd, unsigned int op);
/* Drops the lock of an open file description going away (its last reference). */
void flock_file_release(struct file *f);

#endif
