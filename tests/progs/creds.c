/* creds: user and group ids. As root, a child sets supplementary groups, then real, effective
 * and saved gids and uids to distinct values with setresgid/setresuid, reads them back, and,
 * now unprivileged, is refused setuid(0), setgroups, a root-only file and a signal to its
 * root parent (EPERM/EACCES), while moving among its own three uids is allowed. A second
 * child shows that seteuid away from root can come back through the saved uid. Exits 77
 * (automake's "skipped") when not started as root, since then nothing here can be shown. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

static void show_ids(const char *when)
{
	uid_t r, e, s;
	gid_t rg, eg, sg;

	getresuid(&r, &e, &s);
	getresgid(&rg, &eg, &sg);
	printf("%s: uid r/e/s=%u/%u/%u gid r/e/s=%u/%u/%u\n", when, r, e, s, rg, eg, sg);
}

static void show(const char *what, int r)
{
	printf("%s: %s\n", what, r < 0 ? errname(errno) : "ok");
}

static int drop_and_probe(const char *root_file)
{
	gid_t groups[] = { 100, 200 }, got[8];
	int n, fd;

	show("setgroups {100,200}", setgroups(2, groups));
	n = getgroups(8, got);
	printf("getgroups: n=%d first=%u second=%u\n", n, n > 0 ? got[0] : 0, n > 1 ? got[1] : 0);
	show("setresgid 1000/1001/1002", setresgid(1000, 1001, 1002));
	show("setresuid 2000/2001/2002", setresuid(2000, 2001, 2002));
	show_ids("after dropping");
	show("unprivileged setuid(0)", setuid(0));
	show("unprivileged setresuid(0,-1,-1)", setresuid(0, -1, -1));
	show("unprivileged setgroups", setgroups(1, groups));
	show("unprivileged setresgid(0,-1,-1)", setresgid(0, -1, -1));
	show("seteuid to the saved uid 2002", seteuid(2002));
	show("setresuid(-1,2000,-1) to the real uid", setresuid(-1, 2000, -1));
	show("seteuid to a foreign uid 3000", seteuid(3000));
	show_ids("after moving among its own ids");
	show("kill(root parent, 0)", kill(getppid(), 0));
	fd = open(root_file, O_RDONLY);
	show("open of a root-only 0600 file", fd);
	if (fd >= 0)
		close(fd);
	return 0;
}

static int seteuid_round_trip(void)
{
	show("root seteuid(1234)", seteuid(1234));
	show_ids("effective 1234");
	show("seteuid(0) back through the saved uid", seteuid(0));
	show_ids("back to root");
	return 0;
}

static void in_child(const char *label, int (*fn)(const char *), const char *arg)
{
	int st = 0;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn(arg);
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	printf("%s child: exited=%s code=%d\n", label, WIFEXITED(st) ? "yes" : "no",
	       WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

static int seteuid_adapter(const char *unused)
{
	return seteuid_round_trip();
}

int main(void)
{
	char path[64];
	int fd;

	if (getuid() != 0 || geteuid() != 0) {
		printf("not root: skipped\n");
		return 77;
	}
	show_ids("start");
	snprintf(path, sizeof(path), "/tmp/creds.%d", (int)getpid());
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		printf("cannot create a file in /tmp: %s\n", errname(errno));
		return 1;
	}
	close(fd);
	in_child("dropping", drop_and_probe, path);
	in_child("seteuid", seteuid_adapter, NULL);
	show_ids("parent unchanged");
	unlink(path);
	return 0;
}
