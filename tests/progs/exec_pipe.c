/* exec_pipe: pipe + fork + dup2 + execve of this same program, whose output comes back
 * through the pipe; close-on-exec descriptors are gone in the new image and plain ones stay;
 * a "#!" script whose interpreter is this program runs with Linux's argument order; execve
 * failures return the right errno. The program finds itself from an absolute argv[0], else
 * through /proc/self/exe. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

#define CLOEXEC_FD 20
#define KEPT_FD 21

static char self[PATH_MAX];

static const char *yes(int cond)
{
	return cond ? "yes" : "no";
}

/* The exec'd image: says what it received, on stdout (the pipe). */
static int image_main(int argc, char **argv)
{
	const char *var = getenv("EXEC_PIPE_VAR");
	int r;

	printf("image: argc=%d argv1=%s\n", argc, argv[1]);
	r = fcntl(CLOEXEC_FD, F_GETFD);
	printf("image: O_CLOEXEC fd: fcntl=%d %s\n", r, r < 0 ? errname(errno) : "open");
	r = fcntl(KEPT_FD, F_GETFD);
	printf("image: plain fd: fcntl=%d %s\n", r, r < 0 ? errname(errno) : "open");
	printf("image: env EXEC_PIPE_VAR=%s\n", var ? var : "(unset)");
	return 3;
}

/* Run as the interpreter of a #! script: argv is interpreter, its argument, script, args. */
static int interp_main(int argc, char **argv)
{
	const char *script = getenv("EXEC_PIPE_SCRIPT"), *me = getenv("EXEC_PIPE_SELF");

	printf("interp: argc=%d\n", argc);
	printf("interp: argv0 is the #! path: %s\n", yes(me && strcmp(argv[0], me) == 0));
	printf("interp: argv1=%s\n", argv[1]);
	printf("interp: argv2 is the script: %s\n",
	       yes(argc > 2 && script && strcmp(argv[2], script) == 0));
	printf("interp: argv3=%s\n", argc > 3 ? argv[3] : "(none)");
	return 4;
}

static int self_find(const char *argv0)
{
	ssize_t n;

	if (argv0[0] == '/' && strlen(argv0) < sizeof(self)) {
		strcpy(self, argv0);
		return 0;
	}
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n < 0)
		return -1;
	self[n] = 0;
	return 0;
}

static void copy_fd(int from, int to)
{
	char buf[512];
	ssize_t n;

	while ((n = read(from, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, n, to == 1 ? stdout : stderr);
}

/* Forks a child that execs path with argv, its stdout on a pipe; prints what came back and
 * how it ended. */
static void run_through_pipe(const char *label, const char *path, char *const argv[],
			     char *const envp[])
{
	int fds[2], st = 0, fd;
	pid_t pid, got;

	if (pipe(fds) < 0)
		return;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		close(fds[1]);
		fd = open("/", O_RDONLY | O_CLOEXEC);
		dup3(fd, CLOEXEC_FD, O_CLOEXEC);
		dup2(fd, KEPT_FD);   /* dup2 clears close-on-exec on the copy */
		close(fd);
		execve(path, argv, envp);
		printf("execve failed: %s\n", errname(errno));
		fflush(stdout);
		_exit(127);
	}
	close(fds[1]);
	printf("%s: output:\n", label);
	copy_fd(fds[0], 1);
	close(fds[0]);
	got = waitpid(pid, &st, 0);
	printf("%s: reaped=%s exited=%s code=%d\n", label, yes(got == pid), yes(WIFEXITED(st)),
	       WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

static int write_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0)
		return -1;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* execve of things that cannot run: the errno Linux gives for each. */
static void exec_errors(const char *dir)
{
	char path[PATH_MAX];
	char *argv[] = { "x", NULL }, *envp[] = { NULL };

	execve("/no/such/program", argv, envp);
	printf("execve missing file: %s\n", errname(errno));
	snprintf(path, sizeof(path), "%s/noexec", dir);
	write_file(path, "#!/bin/sh\n", 0644);
	execve(path, argv, envp);
	printf("execve without x bit: %s\n", errname(errno));
	snprintf(path, sizeof(path), "%s/garbage", dir);
	write_file(path, "\x7f" "ELF but not really an executable\n", 0755);
	execve(path, argv, envp);
	printf("execve of garbage: %s\n", errname(errno));
	snprintf(path, sizeof(path), "%s/badinterp", dir);
	write_file(path, "#!/no/such/interpreter\n", 0755);
	execve(path, argv, envp);
	printf("execve of #! with a missing interpreter: %s\n", errname(errno));
	execve(dir, argv, envp);
	printf("execve of a directory: %s\n", errname(errno));
}

int main(int argc, char **argv)
{
	char dir[64], script[128], text[PATH_MAX + 32], selfenv[PATH_MAX + 32], scriptenv[160];
	int ok;

	if (argc > 1 && strcmp(argv[1], "image") == 0)
		return image_main(argc, argv);
	if (argc > 1 && strcmp(argv[1], "interp-arg") == 0)
		return interp_main(argc, argv);
	if (self_find(argv[0]) < 0) {
		printf("cannot find my own path\n");
		return 1;
	}
	snprintf(dir, sizeof(dir), "/tmp/exec_pipe.%d", (int)getpid());
	if (mkdir(dir, 0755) < 0) {
		printf("mkdir in /tmp: %s\n", errname(errno));
		return 1;
	}

	char *img_argv[] = { self, "image", "second", NULL };
	char *img_envp[] = { "EXEC_PIPE_VAR=carried", NULL };
	run_through_pipe("self exec", self, img_argv, img_envp);

	/* Linux takes at most 255 bytes of the #! line (BINPRM_BUF_SIZE 256). */
	snprintf(script, sizeof(script), "%s/script", dir);
	snprintf(text, sizeof(text), "#!%s interp-arg\nnot read by anyone\n", self);
	ok = strlen(self) < 200 && write_file(script, text, 0755) == 0;
	if (ok) {
		snprintf(selfenv, sizeof(selfenv), "EXEC_PIPE_SELF=%s", self);
		snprintf(scriptenv, sizeof(scriptenv), "EXEC_PIPE_SCRIPT=%s", script);
		char *sc_argv[] = { "ignored-argv0", "script-arg", NULL };
		char *sc_envp[] = { selfenv, scriptenv, NULL };
		run_through_pipe("#! script", script, sc_argv, sc_envp);
	} else {
		printf("#! script: cannot write it (or path too long)\n");
	}
	exec_errors(dir);

	unlink(script);
	snprintf(text, sizeof(text), "%s/noexec", dir);
	unlink(text);
	snprintf(text, sizeof(text), "%s/garbage", dir);
	unlink(text);
	snprintf(text, sizeof(text), "%s/badinterp", dir);
	unlink(text);
	if (rmdir(dir) < 0)
		printf("rmdir: %s\n", errname(errno));
	return ok ? 0 : 1;
}
