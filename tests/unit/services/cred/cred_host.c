/* cred_host.c: the host oracle of cred_host.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cred_host.h"

static long cred_host_call(enum cred_call call, const unsigned int a[3])
{
	long r;

	switch (call) {
	case SETID:
		r = syscall(SYS_setuid, a[0]);
		break;
	case SETREID:
		r = syscall(SYS_setreuid, a[0], a[1]);
		break;
	case SETRESID:
		r = syscall(SYS_setresuid, a[0], a[1], a[2]);
		break;
	default:
		return syscall(SYS_setfsuid, a[0]);   /* never fails: the old fsuid */
	}
	return r < 0 ? -errno : r;
}

/* The child: exits 1 when the starting ids cannot be set, else reports through fd. */
static void cred_host_child(int fd, enum cred_call call, const unsigned int args[3],
			    const unsigned int ids_in[3])
{
	long out[5];
	uid_t r, e, s;

	if (syscall(SYS_setresuid, ids_in[0], ids_in[1], ids_in[2]) != 0)
		_exit(1);
	out[0] = cred_host_call(call, args);
	if (getresuid(&r, &e, &s))
		_exit(2);
	out[1] = r;
	out[2] = e;
	out[3] = s;
	out[4] = syscall(SYS_setfsuid, -1);
	_exit(write(fd, out, sizeof(out)) == sizeof(out) ? 0 : 2);
}

bool cred_host_run(enum cred_call call, const unsigned int args[3],
		   const unsigned int ids_in[3], long *ret, unsigned int ids_out[4])
{
	int fds[2], status, i;
	long out[5];
	pid_t pid;

	if (pipe(fds))
		return false;
	pid = fork();
	if (pid == 0)
		cred_host_child(fds[1], call, args, ids_in);
	close(fds[1]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || read(fds[0], out, sizeof(out)) != sizeof(out)) {
		close(fds[0]);
		return false;
	}
	close(fds[0]);
	*ret = out[0];
	for (i = 0; i < 4; i++)
		ids_out[i] = (unsigned int)out[i + 1];
	return true;
}

bool cred_host_is_root(void)
{
	return geteuid() == 0;
}
