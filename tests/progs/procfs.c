/* procfs: what /proc tells a process about itself, checked against what the process knows
 * (its pid, parent, arguments, cwd, open files, memory), so the output is the same on any
 * Linux: no numbers that differ between machines are printed. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

#define PROC_SUPER_MAGIC 0x9fa0

/* The whole of a /proc file (they report size 0: read until the end). */
static size_t slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	size_t total = 0;
	ssize_t n;

	if (fd < 0)
		return 0;
	while (total < size - 1 && (n = read(fd, buf + total, size - 1 - total)) > 0)
		total += (size_t)n;
	buf[total] = '\0';
	close(fd);
	return total;
}

static void check(const char *what, int ok)
{
	printf("%s: %s\n", what, ok ? "yes" : "NO");
}

static long field_after(const char *text, const char *key)
{
	const char *at = strstr(text, key);

	return at ? strtol(at + strlen(key), NULL, 10) : -1;
}

static int dir_has(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, name) == 0)
			found = 1;
	closedir(d);
	return found;
}

int main(int argc, char **argv)
{
	static char buf[1 << 16];
	char path[256], link[4096], cwd[4096], pidname[16];
	struct statfs sfs;
	struct stat st;
	ssize_t n;
	size_t len;
	int fd, status;
	pid_t child;

	snprintf(pidname, sizeof(pidname), "%d", getpid());
	check("statfs /proc is procfs", statfs("/proc", &sfs) == 0 && sfs.f_type == PROC_SUPER_MAGIC);
	n = readlink("/proc/self", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	check("/proc/self names our pid", strcmp(link, pidname) == 0);
	check("/proc lists our pid", dir_has("/proc", pidname));
	check("/proc lists self", dir_has("/proc", "self"));

	n = readlink("/proc/self/exe", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	check("exe is an absolute path", n > 0 && link[0] == '/');
	check("exe is this program", stat(link, &st) == 0 && S_ISREG(st.st_mode));

	len = slurp("/proc/self/cmdline", buf, sizeof(buf));
	check("cmdline holds argv[0] first", len > 0 && strcmp(buf, argv[0]) == 0);
	check("cmdline ends with NUL", len > 0 && buf[len - 1] == '\0');
	printf("cmdline args after argv[0]: %s\n", argc > 1 ? buf + strlen(buf) + 1 : "(none)");

	slurp("/proc/self/status", buf, sizeof(buf));
	check("status Pid", field_after(buf, "\nPid:\t") == getpid());
	check("status PPid", field_after(buf, "\nPPid:\t") == getppid());
	check("status Uid", field_after(buf, "\nUid:\t") == (long)getuid());
	check("status Name", strncmp(buf, "Name:\t", 6) == 0);

	slurp("/proc/self/stat", buf, sizeof(buf));
	check("stat starts with the pid", strtol(buf, NULL, 10) == getpid());
	check("stat state after the name", strstr(buf, ") R ") != NULL);

	if (chdir("/tmp") < 0)
		return 1;
	n = readlink("/proc/self/cwd", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	check("cwd link is getcwd", getcwd(cwd, sizeof(cwd)) && strcmp(cwd, link) == 0);

	fd = open("/tmp", O_RDONLY | O_DIRECTORY);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	printf("fd link of /tmp: %s\n", link);
	snprintf(path, sizeof(path), "%d", fd);
	check("fd dir lists it", dir_has("/proc/self/fd", path));
	close(fd);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	check("closed fd gone", lstat(path, &st) < 0 && errno == ENOENT);

	/* brk-backed malloc makes the heap appear. */
	free(malloc(100));
	slurp("/proc/self/maps", buf, sizeof(buf));
	check("maps has the stack", strstr(buf, "[stack]") != NULL);
	check("maps has an r-xp mapping", strstr(buf, " r-xp ") != NULL);

	slurp("/proc/meminfo", buf, sizeof(buf));
	check("meminfo MemTotal", field_after(buf, "MemTotal:") > 0);
	check("meminfo MemFree", strstr(buf, "\nMemFree:") != NULL);
	slurp("/proc/uptime", buf, sizeof(buf));
	check("uptime has two numbers", strchr(buf, ' ') != NULL && strchr(buf, '.') != NULL);
	check("filesystems lists proc", slurp("/proc/filesystems", buf, sizeof(buf)) &&
	      strstr(buf, "\tproc\n") != NULL);
	check("mounts shows /proc", slurp("/proc/self/mounts", buf, sizeof(buf)) &&
	      strstr(buf, " /proc proc ") != NULL);

	child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", child);
	slurp(path, buf, sizeof(buf));
	check("child's stat names its parent",
	      strstr(buf, ") ") && strtol(strstr(buf, ") ") + 4, NULL, 10) == getpid());
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	printf("gone child's dir: %s\n", stat(path, &st) < 0 ? errname(errno) : "still there");
	printf("pid 99999999: %s\n", access("/proc/99999999/status", F_OK) < 0 ? errname(errno) : "?");
	check("O_EXCL create of /proc/self/cmdline fails with EEXIST",
	      open("/proc/self/cmdline", O_RDONLY | O_CREAT | O_EXCL, 0644) < 0 && errno == EEXIST);
	return 0;
}
