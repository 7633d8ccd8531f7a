/* guest_env.h: a small fake machine for the seccomp engine's tests: RAM in a memfd, a
 * fake page table behind ostd_vmspace_translate(), and helpers to load guest programs. */
#ifndef TESTS_HAL_KVM_SECCOMP_GUEST_ENV_H
#define TESTS_HAL_KVM_SECCOMP_GUEST_ENV_H

#include <stdbool.h>
#include <stdint.h>

#include "engine.h"
#include <ostd/user_mode.h>
#include <ostd/vmspace.h>

#define ENV_RAM_BYTES  (16ull << 20)
#define ENV_AREA_BYTES (16ull << 20)  /* 21 blocks of slots: 21 spaces */
#define ENV_PTE_MAX    64

#define ENV_CODE_VA   0x400000ull
#define ENV_STACK_VA  0x10000000ull    /* one page; sp starts at its top */
#define ENV_DATA_VA   0x20000000ull
#define ENV_HOLE_VA   0x30000000ull    /* never mapped unless a test maps it */

struct fake_pte {
	uint64_t va, pa;
	unsigned int prot;
};

struct vmspace {
	struct fake_pte pte[ENV_PTE_MAX];
	int n;
};

struct guest_env {
	int memfd;
	uint8_t *ram;
	uint64_t next_pa;
	struct vmspace vs;
	struct engine_space *space;
	struct user_context ctx;
};

/* Creates RAM, starts the engine (spin on or off), creates one address space with code,
 * stack and data pages mapped. Aborts the test on failure. */
void env_setup(struct guest_env *e, bool spin);
void env_teardown(struct guest_env *e);
/* Maps a fresh zeroed frame at va with prot (VM_*); returns its host address. */
void *env_map(struct guest_env *e, uint64_t va, unsigned int prot);
/* Maps va to the frame already at pa. */
void env_map_pa(struct guest_env *e, uint64_t va, uint64_t pa, unsigned int prot);
/* Removes va from the page table and tells the engine. */
void env_unmap(struct guest_env *e, uint64_t va);
void *env_host(struct guest_env *e, uint64_t va);
/* Copies [start, end) to va (mapped) and resets ctx to run it. */
void env_load(struct guest_env *e, uint64_t va, const void *start, const void *end);
enum user_return env_run(struct guest_env *e, uint64_t timeout_ms);
/* Resets ctx to run the program already at va, with the stack at sp. */
void env_ctx_init(struct user_context *ctx, uint64_t va, uint64_t sp);
/* Runs ctx (not e->ctx) in space s. */
enum user_return env_run_ctx(struct engine_space *s, struct user_context *ctx,
			     uint64_t timeout_ms);
/* The number of host threads of process pid (0 when it is gone). */
int env_host_threads(int pid);
/* Whether pid exists and is not a zombie. */
bool env_proc_is_alive(int pid);
/* Up to max live (not zombie) children of parent into pids; returns how many. */
int env_children_of(int parent, int *pids, int max);

#define ENV_PROG(name) extern const uint8_t gp_##name[], gp_##name##_end[]
#define ENV_LOAD(e, name) env_load((e), ENV_CODE_VA, gp_##name, gp_##name##_end)

ENV_PROG(getpid_exit);
ENV_PROG(syscall_loop);
ENV_PROG(getpid_loop);
ENV_PROG(xmm_keep);
ENV_PROG(fs_load);
ENV_PROG(load_loop);
ENV_PROG(store);
ENV_PROG(store_jump);
ENV_PROG(ud2);
ENV_PROG(spin);
ENV_PROG(stub_syscall);
ENV_PROG(scribble);
ENV_PROG(scribble_spin);
ENV_PROG(fs_load_loop);
ENV_PROG(xmm_store);
ENV_PROG(mxcsr_keep);
ENV_PROG(stub_clone);

#endif
