/* test_seccomp_engine.c: the seccomp engine's process life cycle and its resistance to a
 * hostile guest (src/hal-kvm/seccomp/seccomp_engine.c, space.c, zygote.c, the stub). */
#define _GNU_SOURCE
#include <check.h>

#include "check_run.h"
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guest_env.h"
#include "seccomp/seccomp_engine.h"

#define TIMEOUT_MS 5000

static struct guest_env env;

static void setup(void)
{
	env_setup(&env, true);
}

static void teardown(void)
{
	env_teardown(&env);
}

/* Runs getpid once so the stub exists; returns its pid. */
static pid_t start_stub(void)
{
	ENV_LOAD(&env, getpid_loop);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_int_gt(env.space->pid, 0);
	return env.space->pid;
}

/* Reads "Key:\tvalue" from /proc/pid/status into out; false when pid is gone. */
static bool proc_status_field(pid_t pid, const char *key, char *out, size_t len)
{
	char path[64], line[256];
	size_t klen = strlen(key);
	bool found = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
			const char *v = line + klen + 1;

			if (strcmp(key, "Seccomp") && strcmp(key, "NoNewPrivs"))
				v += strspn(v, " \t");
			snprintf(out, len, "%s", v);
			out[strcspn(out, "\n")] = 0;
			found = true;
			break;
		}
	}
	fclose(f);
	return found;
}

/* Whether pid still exists as a live (not zombie) process. */
static bool proc_is_alive(pid_t pid)
{
	char state[32];

	if (!proc_status_field(pid, "State", state, sizeof(state)))
		return false;
	return state[0] != 'Z' && state[0] != 'X';
}

static int count_children_of(pid_t parent)
{
	char ppid[32], want[32];
	struct dirent *d;
	int n = 0;
	DIR *dir = opendir("/proc");

	ck_assert_ptr_nonnull(dir);
	snprintf(want, sizeof(want), "%d", (int)parent);
	while ((d = readdir(dir))) {
		pid_t pid = (pid_t)atoi(d->d_name);

		if (pid > 0 && proc_status_field(pid, "PPid", ppid, sizeof(ppid)) &&
		    strcmp(ppid, want) == 0 && proc_is_alive(pid))
			n++;
	}
	closedir(dir);
	return n;
}

START_TEST(stub_runs_in_seccomp_filter_mode_with_no_new_privs)
{
	pid_t pid = start_stub();
	char v[64];

	ck_assert(proc_status_field(pid, "Seccomp", v, sizeof(v)));
	ck_assert_str_eq(v, "\t2");
	ck_assert(proc_status_field(pid, "NoNewPrivs", v, sizeof(v)));
	ck_assert_str_eq(v, "\t1");
}
END_TEST

START_TEST(stub_holds_only_the_ram_memfd)
{
	pid_t pid = start_stub();
	char path[64];
	struct dirent *d;
	int n = 0, fd = -1;
	DIR *dir;

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	dir = opendir(path);
	ck_assert_ptr_nonnull(dir);
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		n++;
		fd = atoi(d->d_name);
	}
	closedir(dir);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(fd, STUB_FD_MEMFD);
}
END_TEST

START_TEST(stub_keeps_no_host_mapping_outside_its_range)
{
	pid_t pid = start_stub();
	char path[64], line[512];
	int lines = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof(line), f)) {
		unsigned long long lo, hi;

		ck_assert_int_eq(sscanf(line, "%llx-%llx", &lo, &hi), 2);
		lines++;
		if (strstr(line, "[vsyscall]"))
			continue;       /* not a VMA anyone can remove */
		ck_assert_msg(!strstr(line, "[vdso]") && !strstr(line, "[vvar") &&
			      !strstr(line, "[stack]"), "host mapping left: %s", line);
		ck_assert_msg((lo >= STUB_BASE && hi <= STUB_BASE + STUB_SPAN) ||
			      hi <= STUB_USER_END, "mapping outside: %s", line);
	}
	fclose(f);
	ck_assert_int_gt(lines, 0);
}
END_TEST

START_TEST(fini_leaves_no_zygote_or_stub_behind)
{
	pid_t stub = start_stub(), zygote = seccomp_engine.zygote.pid;

	ck_assert(proc_is_alive(stub));
	ck_assert(proc_is_alive(zygote));
	ck_assert_int_eq(count_children_of(getpid()), 1);
	/* Without space_destroy first: fini alone must end everything. */
	seccomp_engine_ops.fini();
	ck_assert(!proc_is_alive(stub));
	ck_assert(!proc_is_alive(zygote));
	ck_assert_int_eq(count_children_of(getpid()), 0);
	ck_assert_int_eq(count_children_of(zygote), 0);
	/* The space outlives fini: OSTD may still destroy it, and its runs are LOST. */
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_LOST);
}
END_TEST

START_TEST(space_destroy_kills_its_stub_without_waiting_for_its_exit)
{
	pid_t stub = start_stub();
	int i;

	seccomp_engine_ops.space_destroy(env.space);
	env.space = NULL;
	/* SIGKILL is sent at once; the exit itself happens in the background. */
	for (i = 0; i < 10000 && proc_is_alive(stub); i++)
		usleep(1000);
	ck_assert(!proc_is_alive(stub));
}
END_TEST

START_TEST(guest_execve_through_stub_syscall_insn_is_just_a_trap)
{
	enum user_return r;

	ENV_LOAD(&env, stub_syscall);
	env.ctx.regs.r13 = STUB_BASE;
	env.ctx.regs.r12 = 59;
	env.ctx.regs.rdi = ENV_DATA_VA;   /* "" */
	r = env_run(&env, TIMEOUT_MS);
	ck_assert_msg(r == USER_RETURN_SYSCALL || r == USER_RETURN_LOST, "got %d", r);
	if (r == USER_RETURN_SYSCALL) {
		ck_assert_uint_eq(env.ctx.regs.rax, 59);
		ck_assert_uint_ge(env.ctx.regs.rip, STUB_BASE);
	}
	/* The VMM goes on: a fresh program in a fresh space runs. */
	seccomp_engine_ops.space_destroy(env.space);
	seccomp_engine_ops.thread_release(env.ctx.engine);
	env.ctx.engine = NULL;
	ck_assert_int_eq(seccomp_engine_ops.space_create(&env.vs, &env.space), 0);
	start_stub();
}
END_TEST

START_TEST(guest_mprotect_of_stub_code_is_refused)
{
	enum user_return r;

	ENV_LOAD(&env, stub_syscall);
	env.ctx.regs.r13 = STUB_BASE;
	env.ctx.regs.r12 = 10;            /* mprotect(stub text, 4096, RWX) */
	env.ctx.regs.rdi = STUB_BASE + 0x1000;
	env.ctx.regs.rsi = 0x1000;
	env.ctx.regs.rdx = 7;
	r = env_run(&env, TIMEOUT_MS);
	ck_assert_msg(r == USER_RETURN_SYSCALL || r == USER_RETURN_LOST, "got %d", r);
	if (r == USER_RETURN_LOST)
		return;
	ck_assert_uint_eq(env.ctx.regs.rax, 10);
	/* Stub code is still not writable. */
	ENV_LOAD(&env, store);
	env.ctx.regs.rdi = STUB_BASE + 0x1000;
	r = env_run(&env, TIMEOUT_MS);
	ck_assert_msg(r == USER_RETURN_EXCEPTION || r == USER_RETURN_LOST, "got %d", r);
	if (r == USER_RETURN_EXCEPTION) {
		ck_assert_uint_eq(env.ctx.fault.vector, TRAP_PF);
		ck_assert(env.ctx.fault.error_code & PF_ERR_WRITE);
	}
}
END_TEST

START_TEST(guest_mmap_of_stub_range_is_refused)
{
	enum user_return r;

	ENV_LOAD(&env, stub_syscall);
	env.ctx.regs.r13 = STUB_BASE;
	env.ctx.regs.r12 = 9;             /* mmap(STUB_BASE, 4096, RW, SHARED|FIXED, memfd, 0) */
	env.ctx.regs.rdi = STUB_BASE;
	env.ctx.regs.rsi = 0x1000;
	env.ctx.regs.rdx = 3;
	env.ctx.regs.r10 = 0x11;
	env.ctx.regs.r8 = STUB_FD_MEMFD;
	env.ctx.regs.r9 = 0;
	r = env_run(&env, TIMEOUT_MS);
	ck_assert_msg(r == USER_RETURN_SYSCALL || r == USER_RETURN_LOST, "got %d", r);
	if (r == USER_RETURN_SYSCALL)
		ck_assert_uint_eq(env.ctx.regs.rax, 9);
}
END_TEST

START_TEST(guest_munmap_of_stub_code_is_refused_and_stub_lives_on)
{
	enum user_return r;

	ENV_LOAD(&env, stub_syscall);
	env.ctx.regs.r13 = STUB_BASE;
	env.ctx.regs.r12 = 11;            /* munmap(STUB_BASE, 4 GiB) */
	env.ctx.regs.rdi = STUB_BASE;
	env.ctx.regs.rsi = 1ull << 32;
	r = env_run(&env, TIMEOUT_MS);
	ck_assert_msg(r == USER_RETURN_SYSCALL || r == USER_RETURN_LOST, "got %d", r);
	if (r == USER_RETURN_LOST)
		return;
	ck_assert_uint_eq(env.ctx.regs.rax, 11);
	ENV_LOAD(&env, getpid_exit);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 39);
}
END_TEST

/* The filter kills on a 32-bit syscall; hosts without IA-32 emulation raise #GP first. */
START_TEST(guest_int80_syscall_is_lost_or_general_protection)
{
	static const uint8_t int80[] = { 0xb8, 0x14, 0, 0, 0, 0xcd, 0x80, 0x0f, 0x0b };
	enum user_return r;

	ENV_LOAD(&env, ud2);
	memcpy(env_host(&env, ENV_CODE_VA), int80, sizeof(int80));
	r = env_run(&env, TIMEOUT_MS);
	ck_assert_msg(r == USER_RETURN_LOST ||
		      (r == USER_RETURN_EXCEPTION && env.ctx.fault.vector == TRAP_GP),
		      "got %d vector %u", r, env.ctx.fault.vector);
}
END_TEST

struct stub_call {
	uint64_t nr, a0, a1, a2, a3, a4, a5;
};

/* Calls the stub's own syscall instruction with c's registers. */
static enum user_return run_stub_call(const struct stub_call *c)
{
	ENV_LOAD(&env, stub_syscall);
	env.ctx.regs.r13 = STUB_BASE;
	env.ctx.regs.r12 = c->nr;
	env.ctx.regs.rdi = c->a0;
	env.ctx.regs.rsi = c->a1;
	env.ctx.regs.rdx = c->a2;
	env.ctx.regs.r10 = c->a3;
	env.ctx.regs.r8 = c->a4;
	env.ctx.regs.r9 = c->a5;
	return env_run(&env, TIMEOUT_MS);
}

START_TEST(guest_stub_syscalls_outside_the_filter_rules_trap)
{
	static const struct stub_call refused[] = {
		{ 9, 0x50000000, 4096, 7, 0x11, STUB_FD_MEMFD, 0 },     /* mmap W+X */
		{ 9, 0x50000000, 4096, 3, 0x11, 0, 0 },                 /* another fd */
		{ 9, 0x50000000, 4096, 3, 0x12, STUB_FD_MEMFD, 0 },     /* MAP_PRIVATE */
		{ 9, STUB_USER_END, 4096, 3, 0x11, STUB_FD_MEMFD, 0 },  /* above the user end */
		{ 9, 0x50000000, 1ull << 32, 3, 0x11, STUB_FD_MEMFD, 0 }, /* 4 GiB */
		{ 9, 0x50000000, 4096, 3, 0x11, STUB_FD_MEMFD, ENV_RAM_BYTES }, /* engine area */
		{ 10, ENV_DATA_VA, 4096, 7, 0, 0, 0 },                  /* mprotect W+X */
		{ 158, 0x1001, 0, 0, 0, 0, 0 },                         /* ARCH_SET_GS */
		{ 202, ENV_DATA_VA, 128 | 1, 1, 0, 0, 0 },              /* private futex */
		{ 25, ENV_DATA_VA, 4096, 8192, 1, 0, 0 },               /* mremap */
		{ 257, (uint64_t)-100, ENV_DATA_VA, 0, 0, 0, 0 },       /* openat */
		{ 62, 1, 9, 0, 0, 0, 0 },                               /* kill */
		{ 101, 0, 0, 0, 0, 0, 0 },                              /* ptrace */
		{ 56, 0x11, 0, 0, 0, 0, 0 },                            /* clone */
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(refused); i++) {
		enum user_return r = run_stub_call(&refused[i]);

		ck_assert_msg(r == USER_RETURN_SYSCALL, "case %u: got %d", i, r);
		ck_assert_msg(env.ctx.regs.rax == refused[i].nr, "case %u: rax %lx", i,
			      (unsigned long)env.ctx.regs.rax);
		ck_assert_uint_ge(env.ctx.regs.rip, STUB_BASE);
	}
}
END_TEST

START_TEST(guest_stub_syscall_inside_the_rules_runs_on_the_host)
{
	/* futex(FUTEX_WAKE) is allowed: it runs, and stub_syscall6's ret takes the guest to
	 * the address at the top of its stack. */
	static const struct stub_call wake = { 202, ENV_DATA_VA, 1, 1, 0, 0, 0 };
	uint64_t cont = ENV_CODE_VA + 0x800;

	ENV_LOAD(&env, stub_syscall);
	env_load(&env, cont, gp_getpid_loop, gp_getpid_loop_end);
	memcpy(env_host(&env, ENV_STACK_VA + PAGE_SIZE - 64), &cont, 8);
	ck_assert_int_eq(run_stub_call(&wake), USER_RETURN_SYSCALL);
	ck_assert_uint_eq(env.ctx.regs.rax, 39);
	ck_assert_uint_eq(env.ctx.regs.rip, cont + 7);
}
END_TEST

START_TEST(guest_scribbling_its_control_page_cannot_crash_the_vmm)
{
	enum user_return r;
	int round;

	for (round = 0; round < 2; round++) {
		ENV_LOAD(&env, scribble);
		env.ctx.regs.rdi = STUB_CTL_BASE;
		env.ctx.regs.rax = round ? 0xdeadbeefdeadbeefull : 0x0000000100000001ull;
		r = env_run(&env, TIMEOUT_MS);
		ck_assert_msg(r == USER_RETURN_SYSCALL || r == USER_RETURN_LOST ||
			      r == USER_RETURN_EXCEPTION, "got %d", r);
		if (r == USER_RETURN_LOST)
			return;
	}
}
END_TEST

START_TEST(guest_forging_a_trapped_report_is_lost)
{
	enum user_return r;

	/* state = TRAPPED, event = READY, everything else 1s: a report the stub never made. */
	ENV_LOAD(&env, scribble_spin);
	env.ctx.regs.rdi = STUB_CTL_BASE;
	env.ctx.regs.rax = 0x0000000100000001ull;
	r = env_run(&env, TIMEOUT_MS);
	ck_assert_int_eq(r, USER_RETURN_LOST);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_LOST);
}
END_TEST

/* Offsets in the x86-64 ucontext that rt_sigreturn reads at rsp. */
#define UC_RIP    168
#define UC_EFLAGS 176
#define UC_CSGSFS 184
#define UC_RSP    160
#define UC_SIGMASK 296

START_TEST(guest_blocking_sigsys_with_forged_sigreturn_is_lost)
{
	uint8_t *stack = env_host(&env, ENV_STACK_VA);
	uint64_t frame = ENV_STACK_VA + 0x400, v;
	enum user_return r;

	ENV_LOAD(&env, stub_syscall);
	/* After the forged sigreturn: getpid, which cannot be delivered with SIGSYS blocked. */
	env_load(&env, ENV_CODE_VA + 0x800, gp_getpid_loop, gp_getpid_loop_end);
	env.ctx.regs.rip = ENV_CODE_VA;
	env.ctx.regs.rsp = frame;
	env.ctx.regs.r13 = STUB_BASE;
	env.ctx.regs.r12 = 15;
	v = ENV_CODE_VA + 0x800;
	memcpy(stack + 0x400 + UC_RIP, &v, 8);
	v = 0x202;
	memcpy(stack + 0x400 + UC_EFLAGS, &v, 8);
	v = 0x33 | (0x2bull << 48);
	memcpy(stack + 0x400 + UC_CSGSFS, &v, 8);
	v = ENV_STACK_VA + 0x200;
	memcpy(stack + 0x400 + UC_RSP, &v, 8);
	v = ~0ull;
	memcpy(stack + 0x400 + UC_SIGMASK, &v, 8);
	r = env_run(&env, TIMEOUT_MS);
	ck_assert_int_eq(r, USER_RETURN_LOST);
	ck_assert_int_eq(env_run(&env, TIMEOUT_MS), USER_RETURN_LOST);
}
END_TEST

START_TEST(init_twice_is_refused_with_a_reason)
{
	struct engine_config cfg = seccomp_engine.cfg;
	char why[128] = "";

	ck_assert_int_lt(seccomp_engine_ops.init(&cfg, why, sizeof(why)), 0);
	ck_assert(strncmp(why, "seccomp: ", 9) == 0);
}
END_TEST

START_TEST(init_rejects_a_bad_engine_area)
{
	struct engine_config cfg = seccomp_engine.cfg;
	char why[128] = "";

	seccomp_engine_ops.fini();
	cfg.area_bytes = 0;
	ck_assert_int_lt(seccomp_engine_ops.init(&cfg, why, sizeof(why)), 0);
	ck_assert(strstr(why, "seccomp") != NULL);
}
END_TEST

static Suite *engine_suite(void)
{
	Suite *s = suite_create("seccomp_engine");
	TCase *life = tcase_create("life_cycle"), *hostile = tcase_create("hostile");

	tcase_add_checked_fixture(life, setup, teardown);
	tcase_set_timeout(life, 30);
	tcase_add_test(life, stub_runs_in_seccomp_filter_mode_with_no_new_privs);
	tcase_add_test(life, stub_holds_only_the_ram_memfd);
	tcase_add_test(life, stub_keeps_no_host_mapping_outside_its_range);
	tcase_add_test(life, fini_leaves_no_zygote_or_stub_behind);
	tcase_add_test(life, space_destroy_kills_its_stub_without_waiting_for_its_exit);
	tcase_add_test(life, init_twice_is_refused_with_a_reason);
	tcase_add_test(life, init_rejects_a_bad_engine_area);
	suite_add_tcase(s, life);

	tcase_add_checked_fixture(hostile, setup, teardown);
	tcase_set_timeout(hostile, 30);
	tcase_add_test(hostile, guest_execve_through_stub_syscall_insn_is_just_a_trap);
	tcase_add_test(hostile, guest_mprotect_of_stub_code_is_refused);
	tcase_add_test(hostile, guest_mmap_of_stub_range_is_refused);
	tcase_add_test(hostile, guest_munmap_of_stub_code_is_refused_and_stub_lives_on);
	tcase_add_test(hostile, guest_stub_syscalls_outside_the_filter_rules_trap);
	tcase_add_test(hostile, guest_stub_syscall_inside_the_rules_runs_on_the_host);
	tcase_add_test(hostile, guest_int80_syscall_is_lost_or_general_protection);
	tcase_add_test(hostile, guest_scribbling_its_control_page_cannot_crash_the_vmm);
	tcase_add_test(hostile, guest_forging_a_trapped_report_is_lost);
	tcase_add_test(hostile, guest_blocking_sigsys_with_forged_sigreturn_is_lost);
	suite_add_tcase(s, hostile);
	return s;
}

int main(void)
{
	return check_run_suite(engine_suite());
}
