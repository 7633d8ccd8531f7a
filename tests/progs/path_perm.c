/* path_perm: search (execute) permission on every directory of a path, as an ordinary
 * user, and chroot: what the new root shows and who may call it. Works in its own
 * directory under /tmp and removes it. Exits 77 when not root. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

static void show(const char *what, long r)
{
	printf("%s: %s\n", what, r < 0 ? (errno == ENOTDIR ? "ENOTDIR" : errname(errno)) : "ok");
}

static void as_user(void)
{
	static const gid_t none[1];
	struct stat st;

	if (setgroups(0, none) < 0 || setgid(1000) < 0 || setuid(1000) < 0) {
		printf("drop: %s\n", errname(errno));
		_exit(1);
	}
	show("stat through a 0700 dir", stat("closed/file", &st));
	show("open through a 0700 dir", open("closed/file", O_RDONLY));
	show("chdir into a 0700 dir", chdir("closed"));
	show("create through a 0700 dir", open("closed/new", O_CREAT | O_WRONLY, 0644));
	show("stat through a 0711 dir", stat("search/file", &st));
	show("list a 0711 dir", opendir("search") ? 0 : -1);
	show("stat through a 0744 dir", stat("readonly/file", &st));
	show("list a 0744 dir", opendir("readonly") ? 0 : -1);
	show("chroot as a user", chroot("jail"));
	show("mount as a user", mount("none", "jail", "tmpfs", 0, NULL));
	show("umount as a user", umount2("/tmp", 0));
	_exit(0);
}

static void in_jail(void)
{
	struct dirent *e;
	char cwd[256];
	DIR *d;

	show("chroot", chroot("jail"));
	show("chdir /", chdir("/"));
	show("getcwd", getcwd(cwd, sizeof(cwd)) ? 0 : -1);
	printf("cwd: %s\n", cwd);
	show("/inside", access("/inside", F_OK));
	show("/../inside", access("/../inside", F_OK));
	show("outside file", access("/closed/file", F_OK));
	d = opendir("/");
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			printf("root lists: %s\n", e->d_name);
	if (d)
		closedir(d);
	show("chroot to a file", chroot("/inside"));
	show("chroot to nothing", chroot("/nothing"));
	_exit(0);
}

static void run(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		fn();
	waitpid(pid, &status, 0);
	printf("exit %d\n", WEXITSTATUS(status));
}

static void make(const char *dir, mode_t mode)
{
	char path[64];

	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/file", dir);
	close(open(path, O_CREAT | O_WRONLY, 0644));
	chmod(dir, mode);
}

int main(void)
{
	char dir[64];

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (geteuid() != 0) {
		printf("needs root to drop privileges\n");
		return 77;
	}
	snprintf(dir, sizeof(dir), "/tmp/path_perm-%d", getpid());
	if (mkdir(dir, 0755) < 0 || chdir(dir) < 0) {
		perror(dir);
		return 1;
	}
	make("closed", 0700);
	make("search", 0711);
	make("readonly", 0744);
	mkdir("jail", 0755);
	close(open("jail/inside", O_CREAT | O_WRONLY, 0644));
	run(as_user);
	run(in_jail);
	unlink("closed/file");
	unlink("search/file");
	unlink("readonly/file");
	unlink("jail/inside");
	rmdir("closed");
	rmdir("search");
	rmdir("readonly");
	rmdir("jail");
	if (chdir("/") < 0 || rmdir(dir) < 0)
		perror("cleanup");
	return 0;
}
