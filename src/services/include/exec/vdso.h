/* exec/vdso.h: the vDSO, a small shared object mapped into every new program (its image is
 * built from src/services/vdso/ and embedded by the build), and getcpu behind it. */
#ifndef SERVICES_EXEC_VDSO_H
#define SERVICES_EXEC_VDSO_H

#include <ostd/types.h>

struct mm;

/* The embedded image, or NULL when it is not a valid one (then programs run without a
 * vDSO, as on Linux booted with vdso=0). */
const void *vdso_image(size_t *size);

/* Maps a private copy of the image read+exec at a free place of mm's mmap region (an
 * AREA_VDSO area, named [vdso] in /proc/PID/maps) and returns its address in *base
 * (AT_SYSINFO_EHDR), or 0 without an image. 0 or -ENOMEM; on failure mm is as before. */
int vdso_map(struct mm *mm, uaddr_t *base);

/* getcpu: the vDSO's __vdso_getcpu makes this syscall. 0 or -EFAULT. */
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *unused);

#endif
