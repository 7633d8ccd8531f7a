/* memfd_share: memfd_create makes a file in no directory that can be resized, mapped
 * twice showing the same bytes, and shared with a child; shared anonymous memory is
 * shared across fork even for pages first touched after it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "mmtest.h"

#define PG 4096

static void child_writes(char *p, char c)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		p[0] = c;
		p[PG] = c;
		_exit(0);
	}
	waitpid(pid, &st, 0);
}

int main(void)
{
	int fd = memfd_create("keel-test", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	char *m1, *m2, *anon, buf[4];
	struct stat st;

	printf("memfd_create: %s\n", MM_RES(fd, -1));
	printf("bad flags: %s\n", MM_RES(memfd_create("x", 0x100), -1));
	printf("cloexec: %d\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
	fstat(fd, &st);
	printf("new size %ld, regular %d\n", (long)st.st_size, S_ISREG(st.st_mode));
	printf("ftruncate: %s\n", MM_RES(ftruncate(fd, 2 * PG), -1));
	m1 = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	m2 = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	printf("two maps: %s %s, different addresses %d\n", MM_RES(m1, MAP_FAILED),
	       MM_RES(m2, MAP_FAILED), m1 != m2);
	m1[5] = 'q';
	m2[PG + 7] = 'r';
	printf("each sees the other: %c %c\n", m2[5], m1[PG + 7]);
	if (pread(fd, buf, 1, 5) != 1)
		return 1;
	printf("read(2) sees %c\n", buf[0]);
	child_writes(m1, 'c');
	printf("after a child wrote: %c %c\n", m2[0], m2[PG]);

	anon = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	child_writes(anon, 'k');
	printf("shared anonymous, untouched before fork: %c %c\n", anon[0], anon[PG]);
	anon[0] = 'p';
	child_writes(anon + PG, 'j');
	printf("again: %c %c\n", anon[0], anon[PG]);
	close(fd);
	printf("after close: %c\n", m1[5]);
	return 0;
}
