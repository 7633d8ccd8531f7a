/* run.h: `keel run`: options to a machine configuration, and the run itself. */
#ifndef HAL_KVM_CLI_RUN_H
#define HAL_KVM_CLI_RUN_H

/* Exit statuses of the CLI itself, apart from the program's own. */
#define KEEL_EXIT_USAGE 2
#define KEEL_EXIT_CANNOT_RUN 126
#define KEEL_EXIT_NOT_FOUND 127

/* Runs `keel run` with argv after "run"; returns the status keel exits with. */
int cli_run(int argc, char **argv);

#endif
