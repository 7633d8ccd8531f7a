/* engine.h: the contract between the hosted HAL and its engines (seccomp, kvm).
 * An engine runs a user_context in a guest address space whose page tables are OSTD's,
 * and hands every syscall, fault and interrupt back to the caller. */
#ifndef HAL_KVM_ENGINE_H
#define HAL_KVM_ENGINE_H

#include <ostd/types.h>
#include <ostd/user_mode.h>

struct vmspace;
struct engine_space;

/* Guest "physical" memory and the engine's own area, both in one memfd. */
struct engine_config {
	int memfd;              /* RAM at offset 0, the engine area after it */
	void *ram_host;         /* host mapping of RAM (paddr 0) */
	uint64_t ram_bytes;
	uint64_t area_offset;   /* memfd offset of the engine area (== ram_bytes) */
	uint64_t area_bytes;
	void *area_host;        /* host mapping of the engine area */
	bool spin;              /* spin briefly before sleeping in handoffs */
	bool verbose;
};

struct engine_ops {
	const char *name;
	/* Process-wide set-up, before the VMM starts threads or confines itself.
	 * Returns 0 or a negative errno, with a one-line reason in why[why_len]. */
	int (*init)(const struct engine_config *cfg, char *why, size_t why_len);
	/* Ends every guest context and host helper (stubs, zygote); nothing stays behind. */
	void (*fini)(void);
	uaddr_t user_start, user_end;   /* the guest user range this engine can map */
	int (*space_create)(struct vmspace *vs, struct engine_space **out);
	void (*space_destroy)(struct engine_space *s);
	/* OSTD's page table lost or weakened mappings in [va, va+len): forget them. */
	void (*space_flush)(struct engine_space *s, uaddr_t va, size_t len);
	/* Runs ctx until a syscall, an exception or deadline_ns (host CLOCK_MONOTONIC).
	 * Page faults that OSTD's page table can satisfy are filled here and never returned.
	 * Every byte read back from the guest side is treated as hostile. */
	enum user_return (*run)(struct engine_space *s, struct user_context *ctx,
				uint64_t deadline_ns);
	/* Ends the engine state of a context (its stub thread), and frees it. */
	void (*thread_release)(struct engine_thread *t);
	/* FP state of a context, with the contracts of ostd/user_mode.h (user_fpstate_size,
	 * user_context_{get,set,reset}_fpstate); size 0: this host's FP image is unknown. */
	size_t (*fpstate_size)(void);
	ssize_t (*fpstate_get)(struct user_context *ctx, void *buf, size_t len);
	int (*fpstate_set)(struct user_context *ctx, const void *buf, size_t len);
	void (*fpstate_reset)(struct user_context *ctx);
};

extern const struct engine_ops seccomp_engine_ops;

#endif
