/* errname.h: errno values by name, so test output is the same with glibc and musl (their
 * strerror texts differ). Header-only: each test program is one translation unit. */
#ifndef TESTS_PROGS_ERRNAME_H
#define TESTS_PROGS_ERRNAME_H
#include <errno.h>

static inline const char *errname(int e)
{
	switch (e) {
	case 0: return "0";
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	case EINTR: return "EINTR";
	case EBADF: return "EBADF";
	case ECHILD: return "ECHILD";
	case EAGAIN: return "EAGAIN";
	case ENOMEM: return "ENOMEM";
	case EACCES: return "EACCES";
	case EFAULT: return "EFAULT";
	case EINVAL: return "EINVAL";
	case ENOEXEC: return "ENOEXEC";
	case ENOSYS: return "ENOSYS";
	case ETIMEDOUT: return "ETIMEDOUT";
	default: return "E?";
	}
}

/* "ok" for r >= 0, else "-1 ENAME" from errno. */
#define ERRSTR(r) ((r) >= 0 ? "ok" : errname(errno))
#endif
