/* file_map: mmap of a regular file in /tmp: shared writes reach read(2) and other
 * mappings, private writes stay private, pages past the end raise SIGBUS, part of a
 * mapping can be unmapped or replaced with MAP_FIXED (as ld.so does), shrinking the file
 * takes pages away from its mappings, and Linux's errors for files that cannot be
 * mapped, open modes and msync's arguments. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "mmtest.h"

#define PG 4096

static int make_file(const char *path)
{
	char buf[PG];
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600), i;

	for (i = 0; i < 3; i++) {
		memset(buf, 'a' + i, PG);
		if (write(fd, buf, PG) != PG)
			exit(1);
	}
	memset(buf, 'd', PG / 2);
	if (write(fd, buf, PG / 2) != PG / 2)
		exit(1);
	return fd;
}

static void check_errors(const char *path, int fd)
{
	int ro = open(path, O_RDONLY), wo = open(path, O_WRONLY), pfd[2];
	int proc = open("/proc/self/status", O_RDONLY);
	void *m;

	if (pipe(pfd))
		exit(1);
	m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0);
	printf("shared rw of O_RDONLY: %s\n", MM_RES(m, MAP_FAILED));
	m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	printf("private rw of O_RDONLY: %s\n", MM_RES(m, MAP_FAILED));
	printf("mprotect write of shared O_RDONLY map: %s\n",
	       MM_RES(mprotect(mmap(NULL, PG, PROT_READ, MAP_SHARED, ro, 0), PG,
			       PROT_READ | PROT_WRITE), -1));
	m = mmap(NULL, PG, PROT_READ, MAP_SHARED, wo, 0);
	printf("read map of O_WRONLY: %s\n", MM_RES(m, MAP_FAILED));
	m = mmap(NULL, PG, PROT_READ, MAP_SHARED, pfd[0], 0);
	printf("map a pipe: %s\n", MM_RES(m, MAP_FAILED));
	m = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, proc, 0);
	printf("map a procfs file: %s\n", MM_RES(m, MAP_FAILED));
	m = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 99, 0);
	printf("map a closed fd: %s\n", MM_RES(m, MAP_FAILED));
	m = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 100);
	printf("unaligned offset: %s\n", MM_RES(m, MAP_FAILED));
	m = mmap(NULL, PG, PROT_READ, MAP_SHARED_VALIDATE | 0x400000, fd, 0);
	printf("unknown flag with MAP_SHARED_VALIDATE: %s\n", MM_RES(m, MAP_FAILED));
	close(ro);
	close(wo);
	close(proc);
	close(pfd[0]);
	close(pfd[1]);
}

static void check_msync(char *s)
{
	printf("msync MS_SYNC: %s\n", MM_RES(msync(s, PG, MS_SYNC), -1));
	printf("msync MS_ASYNC|MS_INVALIDATE: %s\n",
	       MM_RES(msync(s, PG, MS_ASYNC | MS_INVALIDATE), -1));
	printf("msync MS_ASYNC|MS_SYNC: %s\n", MM_RES(msync(s, PG, MS_ASYNC | MS_SYNC), -1));
	printf("msync bad flag: %s\n", MM_RES(msync(s, PG, 8), -1));
	printf("msync unaligned: %s\n", MM_RES(msync(s + 1, PG, MS_SYNC), -1));
}

int main(void)
{
	char path[64], buf[8] = { 0 };
	char *s, *s2, *p, *big, *x;
	int fd;

	mm_catch_faults();
	snprintf(path, sizeof(path), "/tmp/mm_file_map.%d", (int)getpid());
	fd = make_file(path);
	s = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (s == MAP_FAILED)
		return 1;
	printf("shared reads %c %c %c %c, past end %d\n", s[0], s[PG], s[2 * PG], s[3 * PG],
	       s[3 * PG + PG / 2]);
	s[1] = 'X';
	if (pread(fd, buf, 4, 0) != 4)
		return 1;
	printf("read(2) after a shared write: %.4s\n", buf);
	if (pwrite(fd, "YY", 2, PG) != 2)
		return 1;
	printf("map after write(2): %c%c\n", s[PG], s[PG + 1]);

	p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, PG);
	printf("private at offset one page: %c\n", p[0]);
	p[0] = 'P';
	if (pread(fd, buf, 1, PG) != 1)
		return 1;
	printf("after a private write: map %c, file %c, shared map %c\n", p[0], buf[0], s[PG]);
	s2 = mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 2 * PG);
	s[2 * PG] = 'Z';
	printf("second shared mapping sees %c\n", s2[0]);

	big = mmap(NULL, 6 * PG, PROT_READ, MAP_SHARED, fd, 0);
	MM_TOUCH("last partial page", big + 3 * PG + 10, -1, big);
	MM_TOUCH("page past the end", big + 4 * PG + 8, -1, big);
	if (ftruncate(fd, 5 * PG))
		return 1;
	MM_TOUCH("after growing the file", big + 4 * PG + 8, -1, big);
	MM_TOUCH("write past the end of a read-only map", big, 'q', big);

	munmap(s + PG, PG);
	MM_TOUCH("unmapped middle", s + PG, -1, s);
	printf("around the hole: %c %c\n", s[0], s[2 * PG]);
	x = mmap(s + 2 * PG, PG, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, fd, 0);
	printf("MAP_FIXED over part: %s, reads %c%c\n", x == s + 2 * PG ? "in place" : "moved",
	       x[0], x[1]);
	MM_TOUCH("write to the exec page", x, 'w', s);
	check_msync(s);
	check_errors(path, fd);
	/* Shrinking takes the pages past the new end away from every mapping. */
	if (ftruncate(fd, PG))
		return 1;
	MM_TOUCH("after shrinking the file, inside", big + 10, -1, big);
	MM_TOUCH("after shrinking the file, past the end", big + 2 * PG, -1, big);
	close(fd);
	/* Mappings keep the file: its bytes are still there after close and unlink. */
	unlink(path);
	printf("after close and unlink: %c\n", s[0]);
	return 0;
}
