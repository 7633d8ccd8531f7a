/* kvm_run.c: runs a user context on the vCPU until a syscall, an exception or the kick.
 * An entry is one KVM_RUN with the context's registers and the user CS/SS written
 * through the sync-regs area; a space switch or a flush first runs the stub's CR3 entry. */
#include <errno.h>
#include <stdio.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <ostd/log.h>

#include "kvm/exit_decode.h"
#include "kvm/kvm_engine.h"

#define SYNC_BOTH (KVM_SYNC_X86_REGS | KVM_SYNC_X86_SREGS)

static uint64_t run_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Kicks that may catch the stub mid-way before it reaches its exit: more is a broken
 * guest. */
#define RESUME_MAX 8

/* One entry with the registers written in the sync area, decoded; a kick is consumed
 * here, and a stub caught mid-way runs on to its exit. */
static enum kvm_exit_kind run_enter(struct user_context *ctx, char *why, size_t why_len)
{
	struct kvm_vm *vm = &kvm_engine.vm;
	const uint8_t *frame = (const uint8_t *)vm->area + KVM_AREA_STACK_TOP - KVM_FRAME_BYTES;
	uint64_t dirty = SYNC_BOTH;
	enum kvm_exit_kind k;

	for (int i = 0; i < RESUME_MAX; i++) {
		int err = kvm_vm_enter(vm, dirty);

		k = kvm_exit_decode(vm->run, err, frame, ctx, why, why_len);
		if (k == KVM_EXIT_KIND_INTERRUPTED || k == KVM_EXIT_KIND_RESUME)
			vm->run->immediate_exit = 0;
		if (k != KVM_EXIT_KIND_RESUME)
			return k;
		dirty = 0;
	}
	snprintf(why, why_len, "the engine's stub never reached its exit");
	return KVM_EXIT_KIND_LOST;
}

/* Loads s's root into CR3 from inside the guest (a TLB flush), entering at CPL0 with that
 * root already in place, so the stub's code is fetched through s's own kernel half. */
static enum kvm_exit_kind run_load_cr3(struct engine_space *s, struct user_context *ctx,
				       char *why, size_t why_len)
{
	struct kvm_vm *vm = &kvm_engine.vm;
	enum kvm_exit_kind k;

	vm->run->s.regs.sregs = vm->sregs;
	kvm_image_kernel_sregs(&vm->run->s.regs.sregs, &vm->features, s->root);
	kvm_image_cr3_regs(&vm->run->s.regs.regs, s->root);
	k = run_enter(ctx, why, why_len);
	if (k == KVM_EXIT_KIND_CR3)
		kvm_engine.cr3_space = s;
	return k;
}

static enum user_return run_lost(const char *why)
{
	log_err("kvm: the program's guest state is lost: %s", why);
	return USER_RETURN_LOST;
}

enum user_return kvm_run(struct engine_space *s, struct user_context *ctx,
			 uint64_t deadline_ns)
{
	struct kvm_vm *vm = &kvm_engine.vm;
	struct engine_thread *t = kvm_thread_get(ctx);
	char why[160] = "";
	enum kvm_exit_kind k;

	if (!kvm_engine.up || !t)
		return run_lost("no engine state for the context");
	if (!pthread_equal(pthread_self(), kvm_engine.cpu_thread))
		return run_lost("run from a thread other than the CPU thread");
	if (deadline_ns != UINT64_MAX && run_now_ns() >= deadline_ns)
		return USER_RETURN_INTERRUPTED;
	kvm_kick_arm(deadline_ns);
	if (kvm_fp_switch(t))
		return run_lost("KVM_GET/SET_XSAVE failed");
	if (kvm_engine.cr3_space != s) {
		k = run_load_cr3(s, ctx, why, sizeof(why));
		if (k == KVM_EXIT_KIND_INTERRUPTED)
			return USER_RETURN_INTERRUPTED;
		if (k != KVM_EXIT_KIND_CR3)
			return run_lost(k == KVM_EXIT_KIND_LOST ? why : "CR3 entry did not exit as expected");
	}
	/* The return to user, emulated: CPL3 CS/SS, the context's registers. */
	vm->run->s.regs.sregs = vm->sregs;
	kvm_image_user_sregs(&vm->run->s.regs.sregs, &vm->features, s->root, ctx->regs.fs_base);
	kvm_image_user_regs(&vm->run->s.regs.regs, &ctx->regs);
	k = run_enter(ctx, why, sizeof(why));
	switch (k) {
	case KVM_EXIT_KIND_SYSCALL:
		return USER_RETURN_SYSCALL;
	case KVM_EXIT_KIND_EXCEPTION:
		return USER_RETURN_EXCEPTION;
	case KVM_EXIT_KIND_INTERRUPTED:
		return USER_RETURN_INTERRUPTED;
	case KVM_EXIT_KIND_CR3:
		return run_lost("CR3 exit from user mode");
	default:
		return run_lost(why);
	}
}
