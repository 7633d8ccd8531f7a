/* guest_env.c: the fake machine behind the seccomp engine's tests. */
#define _GNU_SOURCE
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "guest_env.h"
#include "hal.h"

/* OSTD's page-table view, over the fake table. */
int ostd_vmspace_translate(struct vmspace *vs, uaddr_t va, paddr_t *pa, unsigned int *prot)
{
	int i;

	for (i = 0; i < vs->n; i++) {
		if (vs->pte[i].va == (va & PAGE_MASK)) {
			*pa = vs->pte[i].pa;
			*prot = vs->pte[i].prot;
			return 0;
		}
	}
	return -ENOENT;
}

/* The lowest mapped run in [va, end), as OSTD's walker finds it. */
int ostd_vmspace_next_run(struct vmspace *vs, uaddr_t va, uaddr_t end, uint64_t max_pages,
			  struct vmspace_run *run)
{
	uaddr_t found;
	paddr_t pa;
	unsigned int prot;
	int i, best = -1;

	va &= PAGE_MASK;
	for (i = 0; i < vs->n; i++)
		if (vs->pte[i].prot && vs->pte[i].va >= va && vs->pte[i].va < end &&
		    (best < 0 || vs->pte[i].va < vs->pte[best].va))
			best = i;
	if (best < 0 || max_pages == 0)
		return -ENOENT;
	*run = (struct vmspace_run){ vs->pte[best].va, vs->pte[best].pa, vs->pte[best].prot, 1 };
	found = run->va + PAGE_SIZE;
	while (run->pages < max_pages && found < end &&
	       ostd_vmspace_translate(vs, found, &pa, &prot) == 0 &&
	       pa == run->pa + run->pages * PAGE_SIZE && prot == run->prot) {
		run->pages++;
		found += PAGE_SIZE;
	}
	return 0;
}

void env_setup(struct guest_env *e, bool spin)
{
	struct engine_config cfg;
	char why[256] = "";
	int err;

	memset(e, 0, sizeof(*e));
	e->memfd = memfd_create("test-ram", MFD_CLOEXEC);
	ck_assert_int_ge(e->memfd, 0);
	ck_assert_int_eq(ftruncate(e->memfd, (off_t)(ENV_RAM_BYTES + ENV_AREA_BYTES)), 0);
	e->ram = mmap(NULL, ENV_RAM_BYTES + ENV_AREA_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED,
		      e->memfd, 0);
	ck_assert_ptr_ne(e->ram, MAP_FAILED);
	e->next_pa = PAGE_SIZE;     /* frame 0 stays unused */
	cfg = (struct engine_config){
		.memfd = e->memfd,
		.ram_host = e->ram,
		.ram_bytes = ENV_RAM_BYTES,
		.area_offset = ENV_RAM_BYTES,
		.area_bytes = ENV_AREA_BYTES,
		.area_host = e->ram + ENV_RAM_BYTES,
		.spin = spin,
	};
	err = seccomp_engine_ops.init(&cfg, why, sizeof(why));
	ck_assert_msg(err == 0, "init: %d %s", err, why);
	ck_assert_int_eq(seccomp_engine_ops.space_create(&e->vs, &e->space), 0);
	env_map(e, ENV_CODE_VA, VM_READ | VM_EXEC);
	env_map(e, ENV_STACK_VA, VM_READ | VM_WRITE);
	env_map(e, ENV_DATA_VA, VM_READ | VM_WRITE);
}

void env_teardown(struct guest_env *e)
{
	if (e->space)
		seccomp_engine_ops.space_destroy(e->space);
	if (e->ctx.engine)
		seccomp_engine_ops.thread_release(e->ctx.engine);
	e->space = NULL;
	e->ctx.engine = NULL;
	seccomp_engine_ops.fini();
	munmap(e->ram, ENV_RAM_BYTES + ENV_AREA_BYTES);
	close(e->memfd);
}

void env_map_pa(struct guest_env *e, uint64_t va, uint64_t pa, unsigned int prot)
{
	int i;

	/* Like a page table: a second mapping of va replaces the first. */
	for (i = 0; i < e->vs.n; i++) {
		if (e->vs.pte[i].va == va) {
			e->vs.pte[i] = (struct fake_pte){ va, pa, prot };
			return;
		}
	}
	ck_assert_int_lt(e->vs.n, ENV_PTE_MAX);
	e->vs.pte[e->vs.n++] = (struct fake_pte){ va, pa, prot };
}

void *env_map(struct guest_env *e, uint64_t va, unsigned int prot)
{
	uint64_t pa = e->next_pa;

	e->next_pa += PAGE_SIZE;
	ck_assert_uint_le(e->next_pa, ENV_RAM_BYTES);
	memset(e->ram + pa, 0, PAGE_SIZE);
	env_map_pa(e, va, pa, prot);
	return e->ram + pa;
}

void env_unmap(struct guest_env *e, uint64_t va)
{
	int i;

	for (i = 0; i < e->vs.n; i++) {
		if (e->vs.pte[i].va == va) {
			e->vs.pte[i] = e->vs.pte[--e->vs.n];
			break;
		}
	}
	seccomp_engine_ops.space_flush(e->space, va, PAGE_SIZE);
}

void *env_host(struct guest_env *e, uint64_t va)
{
	paddr_t pa;
	unsigned int prot;

	ck_assert_int_eq(ostd_vmspace_translate(&e->vs, va, &pa, &prot), 0);
	return e->ram + pa + (va & ~PAGE_MASK);
}

void env_load(struct guest_env *e, uint64_t va, const void *start, const void *end)
{
	size_t n = (size_t)((const uint8_t *)end - (const uint8_t *)start);

	ck_assert_uint_le(n, PAGE_SIZE);
	memcpy(env_host(e, va), start, n);
	memset(&e->ctx.regs, 0, sizeof(e->ctx.regs));
	e->ctx.regs.rip = va;
	e->ctx.regs.rsp = ENV_STACK_VA + PAGE_SIZE - 64;
	e->ctx.regs.rflags = 0x202;
}

enum user_return env_run(struct guest_env *e, uint64_t timeout_ms)
{
	return env_run_ctx(e->space, &e->ctx, timeout_ms);
}

void env_ctx_init(struct user_context *ctx, uint64_t va, uint64_t sp)
{
	memset(&ctx->regs, 0, sizeof(ctx->regs));
	ctx->regs.rip = va;
	ctx->regs.rsp = sp;
	ctx->regs.rflags = 0x202;
}

enum user_return env_run_ctx(struct engine_space *s, struct user_context *ctx,
			     uint64_t timeout_ms)
{
	struct timespec ts;
	uint64_t now;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	return seccomp_engine_ops.run(s, ctx, now + timeout_ms * 1000000ull);
}

int env_host_threads(int pid)
{
	char path[64], line[256];
	int n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Threads: %d", &n) == 1)
			break;
	fclose(f);
	return n;
}

/* Reads the value of "key:" in /proc/pid/status into v; false when pid is gone or has no
 * such line. */
static bool env_status_field(int pid, const char *key, char *v, size_t len)
{
	char path[64], line[256];
	size_t klen = strlen(key);
	bool found = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
			snprintf(v, len, "%s", line + klen + 1 + strspn(line + klen + 1, " \t"));
			found = true;
			break;
		}
	}
	fclose(f);
	return found;
}

bool env_proc_is_alive(int pid)
{
	char state[32];

	if (!env_status_field(pid, "State", state, sizeof(state)))
		return false;
	return state[0] != 'Z' && state[0] != 'X';
}

int env_children_of(int parent, int *pids, int max)
{
	struct dirent *d;
	char ppid[32];
	int n = 0;
	DIR *dir = opendir("/proc");

	ck_assert_ptr_nonnull(dir);
	while ((d = readdir(dir)) && n < max) {
		int pid = atoi(d->d_name);

		if (pid > 0 && env_status_field(pid, "PPid", ppid, sizeof(ppid)) &&
		    atoi(ppid) == parent && env_proc_is_alive(pid))
			pids[n++] = pid;
	}
	closedir(dir);
	return n;
}
