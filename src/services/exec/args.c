/* exec/args.c: execve's argument and environment vectors, copied from user memory into
 * one kernel block, bounded as Linux bounds them (strings within STACK_STRINGS_MAX). */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <exec/exec.h>

/* Linux's MAX_ARG_STRLEN: one string may not exceed 32 pages. */
#define ARG_STRLEN_MAX (32 * PAGE_SIZE)

void exec_args_free(struct exec_args *a)
{
	for (int i = 0; i < a->argc; i++)
		kfree(a->argv[i]);
	for (int i = 0; i < a->envc; i++)
		kfree(a->envp[i]);
	kfree(a->argv);
	kfree(a->envp);
	memset(a, 0, sizeof(*a));
}

/* Appends a kernel copy of s to the vector (NULL-terminated, grown by doubling). */
static int args_push(char ***vec, int *count, int *cap, char *s)
{
	if (*count + 1 >= *cap) {
		int ncap = *cap ? *cap * 2 : 16;
		char **n = kmalloc(sizeof(*n) * (size_t)ncap);

		if (!n)
			return -ENOMEM;
		if (*vec)
			memcpy(n, *vec, sizeof(*n) * (size_t)*count);
		kfree(*vec);
		*vec = n;
		*cap = ncap;
	}
	(*vec)[(*count)++] = s;
	(*vec)[*count] = NULL;
	return 0;
}

/* Copies one user vector of strings; *total counts every string's bytes against the limit. */
static int args_copy_vector(const uint64_t __user *uvec, char ***vec, int *count,
			    size_t *total, char *buf)
{
	int cap = 0, err;

	*vec = NULL;
	*count = 0;
	err = args_push(vec, count, &cap, NULL);   /* an empty vector is still an array */
	if (err)
		return err;
	*count = 0;
	for (size_t i = 0; uvec; i++) {
		uint64_t up;
		char *copy;
		long n;

		if (copy_from_user(&up, uvec + i, sizeof(up)))
			return -EFAULT;
		if (!up)
			break;
		n = strncpy_from_user(buf, uaddr_ptr(up), ARG_STRLEN_MAX);
		if (n < 0 || (size_t)n >= ARG_STRLEN_MAX)
			return n < 0 ? (int)n : -E2BIG;
		*total += (size_t)n + 1 + sizeof(uint64_t);
		if (*total > STACK_STRINGS_MAX)
			return -E2BIG;
		copy = kstrdup(buf);
		if (!copy)
			return -ENOMEM;
		err = args_push(vec, count, &cap, copy);
		if (err) {
			kfree(copy);
			return err;
		}
	}
	return 0;
}

int exec_args_copy(const uint64_t __user *uargv, const uint64_t __user *uenvp,
		   struct exec_args *a)
{
	char *buf = kmalloc(ARG_STRLEN_MAX);
	size_t total = 0;
	int err;

	memset(a, 0, sizeof(*a));
	if (!buf)
		return -ENOMEM;
	err = args_copy_vector(uargv, &a->argv, &a->argc, &total, buf);
	if (!err)
		err = args_copy_vector(uenvp, &a->envp, &a->envc, &total, buf);
	kfree(buf);
	if (err)
		exec_args_free(a);
	return err;
}

int exec_args_dup(int argc, char *const argv[], char *const envp[], struct exec_args *a)
{
	int acap = 0, ecap = 0, err = 0;
	char *copy;

	memset(a, 0, sizeof(*a));
	err = args_push(&a->argv, &a->argc, &acap, NULL);
	if (!err)
		err = args_push(&a->envp, &a->envc, &ecap, NULL);
	a->argc = a->envc = 0;
	for (int i = 0; !err && i < argc; i++) {
		copy = kstrdup(argv[i]);
		err = copy ? args_push(&a->argv, &a->argc, &acap, copy) : -ENOMEM;
		if (err)
			kfree(copy);
	}
	for (int i = 0; !err && envp && envp[i]; i++) {
		copy = kstrdup(envp[i]);
		err = copy ? args_push(&a->envp, &a->envc, &ecap, copy) : -ENOMEM;
		if (err)
			kfree(copy);
	}
	if (err)
		exec_args_free(a);
	return err;
}

/* #! scripts: argv becomes interpreter [arg] path argv[1..]. */
int exec_args_prepend_script(struct exec_args *a, const char *interp, const char *arg,
			     const char *path)
{
	int n = a->argc > 0 ? a->argc - 1 : 0, extra = arg ? 3 : 2, i;
	char **v = kzalloc(sizeof(*v) * (size_t)(n + extra + 1));

	if (!v)
		return -ENOMEM;
	v[0] = kstrdup(interp);
	v[1] = arg ? kstrdup(arg) : kstrdup(path);
	if (arg)
		v[2] = kstrdup(path);
	if (!v[0] || !v[1] || (arg && !v[2])) {
		for (i = 0; i < extra; i++)
			kfree(v[i]);
		kfree(v);
		return -ENOMEM;
	}
	for (i = 0; i < n; i++)
		v[extra + i] = a->argv[i + 1];
	if (a->argc > 0)
		kfree(a->argv[0]);
	kfree(a->argv);
	a->argv = v;
	a->argc = n + extra;
	return 0;
}
