/* uml_init: init for a User-Mode Linux run of a benchmark (bench/run): runs the command it
 * is given (the words after "--" on the UML command line), waits for it, then powers the
 * machine off, since init must never exit. The hostfs root is read-only: a tmpfs on
 * /dev/shm (on UML's devtmpfs) gives the file benchmarks the same kind of file system as
 * native and Keel. */
#include <stdio.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	pid_t pid;

	mkdir("/dev/shm", 01777);
	if (mount("tmpfs", "/dev/shm", "tmpfs", 0, NULL) < 0)
		perror("uml_init: mount tmpfs on /dev/shm");
	if (argc < 2) {
		fprintf(stderr, "uml_init: no command\n");
	} else if ((pid = fork()) == 0) {
		execv(argv[1], argv + 1);
		perror("uml_init: execv");
		_exit(127);
	} else if (pid > 0) {
		waitpid(pid, NULL, 0);
	}
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
