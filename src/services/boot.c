/* boot.c: ostd_main: unpack the root, find the program, build its process and run it. */
#include <ostd/boot.h>
#include <ostd/console.h>
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/task.h>
#include <ostd/user_mode.h>
#include <exec/exec.h>
#include <fs/mount.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <process/process.h>
#include <strace/strace.h>
#include <boot/boot.h>

/* Exit statuses of a shell that cannot find or cannot run a command. */
#define STATUS_NOT_FOUND 127
#define STATUS_CANNOT_EXEC 126

static __noreturn void boot_fail(const char *name, const char *reason, int status)
{
	char msg[320];
	int n = ksnprintf(msg, sizeof(msg), "keel: %s: %s\n", name, reason);

	console_write(CONSOLE_ERR, msg, (size_t)MIN(n, (int)sizeof(msg) - 1));
	ostd_shutdown(status);
}

static const char *boot_reason(int err)
{
	switch (err) {
	case -ENOEXEC: return "Exec format error";
	case -EACCES:  return "Permission denied";
	case -E2BIG:   return "Argument list too long";
	case -ENOMEM:  return "Out of memory";
	default:       return "cannot execute";
	}
}

/* Loads the program into pid 1 and starts it: 0, or an errno for boot_reason. */
static int boot_start(struct inode *root, struct inode *exe, const char *path,
		      const struct boot_info *bi)
{
	struct exec_args a;
	struct process *p;
	struct thread *t;
	int err;

	p = process_create_init(root, path, &t);
	if (!p)
		return -ENOMEM;
	err = exec_args_dup(bi->argc, bi->argv, bi->envp, &a);
	if (!err) {
		err = exec_file(t, exe, path, &a);
		exec_args_free(&a);
	}
	if (err)
		goto out_free_process;
	err = thread_start(t);
	if (err)
		goto out_free_process;
	return 0;

out_free_process:
	process_destroy_unstarted(p, t);
	return err;
}

void ostd_main(void)
{
	const struct boot_info *bi = ostd_boot_info();
	struct inode *root, *exe;
	const char *name;
	char *path = NULL;
	int err;

	if (bi->argc < 1 || !bi->argv[0])
		boot_fail("", "no program given", STATUS_NOT_FOUND);
	strace_setup(bi);
	name = bi->argv[0];
	root = boot_build_root(bi);
	if (!root)
		boot_fail(name, "out of memory", STATUS_CANNOT_EXEC);
	err = boot_find_program(root, name, &exe, &path);
	if (err && bi->host_program) {
		err = boot_install_host_program(root, bi->host_program, &exe);
		path = err ? NULL : kstrdup(bi->host_program->name);
		if (!err && !path)
			err = -ENOMEM;
	}
	if (err) {
		mount_teardown_all();
		boot_fail(name, "not found", STATUS_NOT_FOUND);
	}
	err = boot_start(root, exe, path, bi);
	kfree(path);
	if (err) {
		mount_teardown_all();
		boot_fail(name, boot_reason(err), STATUS_CANNOT_EXEC);
	}
}
