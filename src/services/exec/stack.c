/* exec/stack.c: a new program's initial stack, laid out as Linux's binfmt_elf does. */
#include <ostd/boot.h>
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/auxv.h>
#include <exec/exec.h>
#include <mm/mm.h>

#define AUXV_MAX 24   /* pairs, with AT_NULL */

/* The strings go at the top, highest first: an 8-byte end marker, execfn, the environment
 * strings, then the argument strings (each list in order, so argv[0] is lowest). */
struct stack_plan {
	uaddr_t top;
	uaddr_t execfn, envs, args, platform, random;
	size_t env_bytes, arg_bytes;
	int envc;
};

static int strings_size(int n, char *const v[], size_t *bytes)
{
	size_t sum = 0;
	int k;

	for (k = 0; k < n; k++) {
		size_t l = strnlen(v[k], STACK_STRINGS_MAX) + 1;

		if (l > STACK_STRINGS_MAX - sum)
			return -E2BIG;
		sum += l;
	}
	*bytes = sum;
	return 0;
}

static int count_env(char *const envp[])
{
	int n = 0;

	while (envp && envp[n])
		n++;
	return n;
}

static int stack_plan(struct stack_plan *p, uaddr_t top, int argc, char *const argv[],
		      char *const envp[], const char *execfn)
{
	size_t fn_bytes = strnlen(execfn, STACK_STRINGS_MAX) + 1;
	int err;

	p->envc = count_env(envp);
	err = strings_size(argc, argv, &p->arg_bytes);
	if (!err)
		err = strings_size(p->envc, envp, &p->env_bytes);
	if (err)
		return err;
	if (p->arg_bytes + p->env_bytes + fn_bytes > STACK_STRINGS_MAX)
		return -E2BIG;
	p->top = top;
	p->execfn = top - 8 - fn_bytes;
	p->envs = p->execfn - p->env_bytes;
	p->args = p->envs - p->arg_bytes;
	p->platform = p->args - sizeof(STACK_PLATFORM);
	p->random = ALIGN_DOWN(p->platform - 16, 16);
	return 0;
}

/* Copies n strings to consecutive user addresses from at, storing each address in ptrs. */
static int stack_put_strings(struct mm *mm, uaddr_t at, int n, char *const v[], uint64_t *ptrs)
{
	int k;

	for (k = 0; k < n; k++) {
		size_t l = strlen(v[k]) + 1;

		if (vmspace_copy_to(mm->vs, at, v[k], l))
			return -EFAULT;
		ptrs[k] = at;
		at += l;
	}
	return 0;
}

static size_t auxv_fill(uint64_t *aux, const struct elf_image *img, const struct exec_aux *x,
			const struct stack_plan *p)
{
	size_t n = 0;

#define AUX(tag, val) do { aux[n++] = (tag); aux[n++] = (uint64_t)(val); } while (0)
	/* First, as Linux's ARCH_DLINFO puts it; absent when there is no vDSO. */
	if (x->vdso)
		AUX(AT_SYSINFO_EHDR, x->vdso);
	AUX(AT_PHDR, img->phdr);
	AUX(AT_PHENT, img->phent);
	AUX(AT_PHNUM, img->phnum);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_BASE, x->base);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, img->entry);
	AUX(AT_UID, x->uid);
	AUX(AT_EUID, x->euid);
	AUX(AT_GID, x->gid);
	AUX(AT_EGID, x->egid);
	AUX(AT_SECURE, x->secure);
	AUX(AT_RANDOM, p->random);
	AUX(AT_HWCAP, ostd_cpu_hwcap());
	AUX(AT_HWCAP2, ostd_cpu_hwcap2());
	AUX(AT_CLKTCK, 100);
	AUX(AT_PLATFORM, p->platform);
	AUX(AT_EXECFN, p->execfn);
	AUX(AT_MINSIGSTKSZ, STACK_MINSIGSTKSZ);
	AUX(AT_NULL, 0);
#undef AUX
	return n;
}

/* Writes the strings and the random bytes; the vector's words come in *vec. */
static int stack_put_data(struct mm *mm, const struct stack_plan *p, int argc,
			  char *const argv[], char *const envp[], const char *execfn,
			  uint64_t *argp, uint64_t *envpp)
{
	uint8_t rnd[16];
	int err;

	ostd_random_bytes(rnd, sizeof(rnd));
	if (vmspace_clear(mm->vs, p->top - 8, 8) ||
	    vmspace_copy_to(mm->vs, p->execfn, execfn, strlen(execfn) + 1) ||
	    vmspace_copy_to(mm->vs, p->platform, STACK_PLATFORM, sizeof(STACK_PLATFORM)) ||
	    vmspace_copy_to(mm->vs, p->random, rnd, sizeof(rnd)))
		return -EFAULT;
	err = stack_put_strings(mm, p->envs, p->envc, envp, envpp);
	if (!err)
		err = stack_put_strings(mm, p->args, argc, argv, argp);
	return err;
}

int stack_build(struct mm *mm, const struct elf_image *img, int argc, char *const argv[],
		char *const envp[], const char *execfn, uaddr_t *sp)
{
	static const struct exec_aux root_static = { 0 };

	return stack_build_aux(mm, img, &root_static, argc, argv, envp, execfn, sp);
}

int stack_build_aux(struct mm *mm, const struct elf_image *img, const struct exec_aux *aux,
		    int argc, char *const argv[], char *const envp[], const char *execfn,
		    uaddr_t *sp)
{
	struct stack_plan plan;
	size_t words, naux;
	uint64_t *vec;
	uaddr_t at;
	int err;

	if (argc < 0)
		return -EINVAL;
	err = stack_plan(&plan, mm->stack_top, argc, argv, envp, execfn);
	if (err)
		return err;
	/* argc, argv[], NULL, envp[], NULL, auxv pairs. */
	words = 1 + (size_t)argc + 1 + (size_t)plan.envc + 1 + 2 * AUXV_MAX;
	vec = kcalloc(words, sizeof(*vec));
	if (!vec)
		return -ENOMEM;
	vec[0] = (uint64_t)argc;
	err = stack_put_data(mm, &plan, argc, argv, envp, execfn, vec + 1, vec + 2 + argc);
	if (err)
		goto out_free_vec;
	/* Where /proc/PID/cmdline and environ read them, as Linux's mm->arg_start... */
	mm->arg_start = plan.args;
	mm->arg_end = plan.args + plan.arg_bytes;
	mm->env_start = plan.envs;
	mm->env_end = plan.envs + plan.env_bytes;
	naux = auxv_fill(vec + 3 + argc + plan.envc, img, aux, &plan);
	words = 3 + (size_t)argc + (size_t)plan.envc + naux;
	/* rsp must be 16-byte aligned at entry, pointing at argc. */
	at = ALIGN_DOWN(plan.random - words * sizeof(*vec), 16);
	if (at < mm->stack_top - MM_STACK_SIZE)
		err = -E2BIG;
	else if (vmspace_copy_to(mm->vs, at, vec, words * sizeof(*vec)))
		err = -EFAULT;
	else
		*sp = at;
out_free_vec:
	kfree(vec);
	return err;
}
