/* syscall_errors: error paths return the errno Linux returns. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(const char *what, long r)
{
	printf("%s: %ld %s\n", what, r, r < 0 ? strerror(errno) : "ok");
}

int main(void)
{
	char buf[16];

	errno = 0;
	show("open missing", open("/no/such/file", O_RDONLY));
	show("write bad fd", write(42, "x", 1));
	show("write bad buffer", syscall(SYS_write, 1, (void *)16, 4));
	show("unknown syscall", syscall(1000));
	show("getcwd", getcwd(buf, sizeof(buf)) ? 0 : -1);
	printf("cwd=%s\n", buf);
	return 0;
}
