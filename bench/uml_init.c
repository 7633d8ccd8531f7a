/* uml_init: init for a User-Mode Linux run of a benchmark (bench/run): runs the command it
 * is given (the words after "--" on the UML command line), waits for it, then powers the
 * machine off, since init must never exit. */
#include <stdio.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	pid_t pid;

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
