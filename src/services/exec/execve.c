/* exec/execve.c: execve and execveat: find the file, follow #! to the interpreter, build
 * the new image in a new mm, and only then replace the process's memory, threads, files
 * and signal handlers (the point of no return). */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/log.h>
#include <ostd/string.h>
#include <ostd/task.h>
#include <abi/fcntl.h>
#include <exec/exec.h>
#include <exec/layout.h>
#include <exec/vdso.h>
#include <fs/file.h>
#include <fs/fs_syscalls.h>
#include <fs/path.h>
#include <fs/ramfs.h>
#include <mm/mm.h>
#include <process/process.h>
#include <signal/signal.h>
#include <time/posix_timer.h>

#define EXEC_MAX_DEPTH  4     /* nested #! interpreters, as Linux's BINPRM_MAX_RECURSION */
#define EXEC_SHEBANG_MAX 256  /* bytes of the #! line Linux reads (BINPRM_BUF_SIZE) */

/* Whether the process's credentials allow executing i (root: any x bit). */
static bool exec_permitted(const struct process *p, const struct inode *i)
{
	const struct cred *c = &p->cred;

	if (cred_is_root(c))
		return (i->mode & 0111) != 0;
	if (c->euid == i->uid)
		return i->mode & 0100;
	if (cred_in_group(c, i->gid))
		return i->mode & 0010;
	return i->mode & 0001;
}

static int exec_check_file(const struct process *p, const struct inode *i)
{
	if (!ramfs_is_regular(i) || !exec_permitted(p, i))
		return -EACCES;
	return 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Splits "#!interp [arg]" into interp and arg (NULL when none), both in line[]. */
static int exec_parse_shebang(const struct inode *i, char *line, char **interp, char **arg)
{
	size_t n = MIN(i->size, (uint64_t)EXEC_SHEBANG_MAX - 1), k;
	char *s, *e;

	memcpy(line, i->data, n);
	line[n] = '\0';
	for (k = 0; k < n && line[k] != '\n'; k++)
		;
	line[k] = '\0';
	for (s = line + 2; is_blank(*s); s++)
		;
	if (!*s)
		return -ENOEXEC;
	for (e = s; *e && !is_blank(*e); e++)
		;
	*interp = s;
	*arg = NULL;
	if (!*e)
		return 0;
	*e++ = '\0';
	while (is_blank(*e))
		e++;
	/* The rest of the line is one argument, trailing blanks dropped. */
	for (k = strlen(e); k > 0 && is_blank(e[k - 1]); k--)
		e[k - 1] = '\0';
	if (*e)
		*arg = e;
	return 0;
}

/* Waits until every other thread of the process has gone, then takes the leader's tid. */
static void exec_kill_other_threads(struct thread *t)
{
	struct process *p = t->proc;
	struct thread *o;

	for (o = p->threads; o; o = o->next_in_process) {
		if (o != t) {
			o->exiting = true;
			thread_kick(o);
		}
	}
	/* They leave through their own tasks, which need the CPU: yield until they have. */
	while (p->nthreads > 1)
		task_yield();
	if (t->tid != p->pid) {
		pid_free(t->tid);
		t->tid = p->pid;
	}
}

/* The point of no return: the process now runs img in mm. */
static int exec_commit(struct thread *t, struct mm *mm, uaddr_t entry, uaddr_t sp,
		       const char *path)
{
	struct process *p = t->proc;
	struct fdtable *own;
	/* /proc/PID/exe names the file, not the symlinks that led to it. */
	char *exe = path_resolve_absolute(p->root, p->cwd, path);
	const char *base;

	if (!exe)
		exe = kstrdup(path);
	if (!exe)
		return -ENOMEM;
	if (p->fdt->refs > 1) {
		own = fdtable_copy(p->fdt);
		if (!own) {
			kfree(exe);
			return -ENOMEM;
		}
		fdtable_release(p->fdt);
		p->fdt = own;
	}
	exec_kill_other_threads(t);
	mm_put(p->mm);
	p->mm = mm;
	if (thread_current() == t)
		task_set_vmspace(task_current(), mm->vs);
	/* A vfork parent sleeps until its child stops using its memory. */
	p->vfork_done = true;
	waitqueue_wake_all(&p->vfork_wait);
	fdtable_close_on_exec(p->fdt);
	signal_exec_reset(t);
	posix_timer_release(p);         /* exec deletes timers; their queued signals drop */
	p->membarrier_registered = 0;   /* a new mm: registrations were the old one's */
	kfree(p->exe_path);
	p->exe_path = exe;
	base = strrchr(path, '/');
	kstrlcpy(p->comm, base ? base + 1 : path, sizeof(p->comm));
	t->robust_list = 0;
	t->robust_len = 0;
	t->clear_child_tid = 0;
	user_context_release(&t->ctx);
	user_context_init(&t->ctx, entry, sp);
	return 0;
}

/* The program and its interpreter, too big together for a kernel stack. */
struct exec_images {
	struct elf_image exe, interp;
};

/* Loads the interpreter at path (the program's PT_INTERP) into mm at a free base of the
 * mmap region, as Linux does. A missing one is -ENOENT, one that is no loadable ELF
 * -ELIBBAD, as Linux says. */
static int exec_load_interp(const struct process *p, struct mm *mm, const char *path,
			    struct elf_image *img)
{
	struct inode *file;
	uaddr_t base;
	int err;

	err = path_lookup(p->root, p->cwd, path, LOOKUP_FOLLOW, &file);
	if (!err)
		err = exec_check_file(p, file);
	if (err) {
		log_info("exec: interpreter %s: error %d", path, -err);
		return err;
	}
	if (elf_parse(file->data, file->size, img)) {
		log_info("exec: interpreter %s is not a loadable ELF", path);
		return -ELIBBAD;
	}
	if (img->dyn) {
		base = exec_layout_mmap_base(mm, img->span, img->align);
		if (!base || elf_rebase(img, base))
			return -ENOMEM;
	}
	err = elf_map(mm, file->data, img);
	return err == -ENOEXEC ? -ELIBBAD : err;
}

/* Builds the new image in mm: stack position, program, break, interpreter and vDSO, all
 * randomized when rnd; fills what the auxiliary vector says about them. */
static int exec_build_image(const struct process *p, struct mm *mm, const struct inode *file,
			    bool rnd, struct exec_images *x, struct exec_aux *aux)
{
	const char *interp;
	int err = 0;

	if (rnd)
		err = exec_layout_randomize(mm);
	if (!err)
		err = elf_parse(file->data, file->size, &x->exe);
	if (!err && x->exe.dyn)
		err = elf_rebase(&x->exe, exec_layout_exe_base(mm, &x->exe, rnd));
	if (!err)
		err = elf_map(mm, file->data, &x->exe);
	if (err)
		return err;
	mm->brk_start = mm->brk = exec_layout_brk_start(mm, &x->exe, rnd);
	interp = elf_interp_path(file->data, &x->exe);
	if (interp) {
		err = exec_load_interp(p, mm, interp, &x->interp);
		if (err)
			return err;
		aux->base = x->interp.bias;
	}
	aux->uid = p->cred.uid;
	aux->euid = p->cred.euid;
	aux->gid = p->cred.gid;
	aux->egid = p->cred.egid;
	aux->secure = aux->uid != aux->euid || aux->gid != aux->egid;
	return vdso_map(mm, &aux->vdso);
}

/* Loads file as an ELF (and its interpreter) into a new mm and commits it; on failure
 * nothing changed. The process starts at the interpreter's entry when there is one. */
static int exec_elf(struct thread *t, const struct inode *file, const char *exe_path,
		    const char *execfn, struct exec_args *a)
{
	struct exec_images *x = kzalloc(sizeof(*x));
	struct exec_aux aux = { 0 };
	struct mm *mm;
	uaddr_t sp, entry;
	int err;

	if (!x)
		return -ENOMEM;
	mm = mm_create();
	if (!mm) {
		err = -ENOMEM;
		goto out_free_images;
	}
	err = exec_build_image(t->proc, mm, file, exec_layout_is_randomized(t->proc), x, &aux);
	if (!err)
		err = stack_build_aux(mm, &x->exe, &aux, a->argc, a->argv, a->envp, execfn, &sp);
	entry = x->exe.interp_len ? x->interp.entry : x->exe.entry;
	if (!err)
		err = exec_commit(t, mm, entry, sp, exe_path);
	if (err)
		mm_put(mm);
out_free_images:
	kfree(x);
	return err;
}

int exec_file(struct thread *t, struct inode *file, const char *path, struct exec_args *a)
{
	struct process *p = t->proc;
	char *line = NULL, *interp, *arg;
	const char *exe_path = path;
	int depth, err;

	err = exec_check_file(p, file);
	for (depth = 0; !err && file->size >= 2 && file->data[0] == '#' && file->data[1] == '!';
	     depth++) {
		if (depth == EXEC_MAX_DEPTH) {
			err = -ELOOP;
			break;
		}
		if (!line)
			line = kmalloc(EXEC_SHEBANG_MAX);
		err = line ? exec_parse_shebang(file, line, &interp, &arg) : -ENOMEM;
		if (!err)
			err = exec_args_prepend_script(a, interp, arg, exe_path);
		if (!err)
			err = path_lookup(p->root, p->cwd, a->argv[0], LOOKUP_FOLLOW, &file);
		if (!err)
			err = exec_check_file(p, file);
		exe_path = a->argv[0];
	}
	if (!err)
		err = exec_elf(t, file, exe_path, path, a);
	kfree(line);
	return err;
}

long sys_execveat(int dirfd, const char __user *upath, const uint64_t __user *argv,
		  const uint64_t __user *envp, int flags)
{
	struct process *p = process_current();
	struct inode *start = p->cwd, *file;
	struct exec_args a;
	char *path = NULL;
	int err;

	if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
		return -EINVAL;
	err = fs_path_copy(upath, flags & AT_EMPTY_PATH, &path);
	if (err)
		return err;
	if (path[0] != '/')
		err = fs_dirfd_inode(p, dirfd, &start);
	if (!err && path[0] == '\0')
		err = -ENOENT;    /* AT_EMPTY_PATH on an fd: Keel has no fexecve of open files yet */
	if (!err)
		err = path_lookup(p->root, start, path,
				  (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &file);
	if (!err)
		err = exec_args_copy(argv, envp, &a);
	if (!err) {
		err = exec_file(thread_current(), file, path, &a);
		exec_args_free(&a);
	}
	kfree(path);
	return err;
}

long sys_execve(const char __user *path, const uint64_t __user *argv,
		const uint64_t __user *envp)
{
	return sys_execveat(AT_FDCWD, path, argv, envp, 0);
}
