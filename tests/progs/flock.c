/* flock: BSD whole-file locks. Exclusive excludes all others, shared ones coexist, a
 * dup'd fd shares its description's lock, LOCK_UN and the last close release it, a
 * blocked locker in a child wakes when the parent unlocks, and Linux's errors. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

#define PATH "/tmp/keel-flock-test"

static void show(const char *what, int r)
{
	printf("%s: %s\n", what, r < 0 ? errname(errno) : "ok");
}

int main(void)
{
	int a, b, c, d;
	pid_t pid;

	setvbuf(stdout, NULL, _IONBF, 0);
	a = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0600);
	b = open(PATH, O_RDWR);
	c = open(PATH, O_RDONLY);
	show("a exclusive", flock(a, LOCK_EX));
	show("a exclusive again", flock(a, LOCK_EX | LOCK_NB));
	show("b exclusive, no wait", flock(b, LOCK_EX | LOCK_NB));
	show("b shared, no wait", flock(b, LOCK_SH | LOCK_NB));
	d = dup(a);
	show("dup of a shares its lock", flock(d, LOCK_EX | LOCK_NB));
	show("a unlocks", flock(a, LOCK_UN));
	show("b shared", flock(b, LOCK_SH | LOCK_NB));
	show("c shared too", flock(c, LOCK_SH | LOCK_NB));
	show("a exclusive, no wait", flock(a, LOCK_EX | LOCK_NB));
	show("b converts to exclusive, no wait", flock(b, LOCK_EX | LOCK_NB));
	show("c unlocks", flock(c, LOCK_UN));
	show("b converts to exclusive", flock(b, LOCK_EX | LOCK_NB));
	pid = fork();
	if (pid == 0) {
		int e = open(PATH, O_RDONLY);

		show("child, no wait", flock(e, LOCK_SH | LOCK_NB));
		show("child waits and gets it", flock(e, LOCK_SH));
		_exit(0);
	}
	usleep(100000);
	printf("parent unlocks\n");
	flock(b, LOCK_UN);
	waitpid(pid, NULL, 0);
	show("b exclusive", flock(b, LOCK_EX));
	close(b);
	show("closed b released it", flock(a, LOCK_EX | LOCK_NB));
	show("bad operation", flock(a, 0));
	show("shared and exclusive", flock(a, LOCK_SH | LOCK_EX));
	show("bad fd", flock(99, LOCK_SH));
	close(a);
	close(c);
	close(d);
	unlink(PATH);
	return 0;
}
