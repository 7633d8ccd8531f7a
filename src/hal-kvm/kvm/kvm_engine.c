/* kvm_engine.c: the KVM engine's ops table and its process-wide set-up: the VM over the
 * VMM's memfd, the FP layout, the probe run, the kick timer. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kvm/kvm_engine.h"

struct kvm_engine kvm_engine;

static int kvm_init(const struct engine_config *cfg, char *why, size_t why_len)
{
	struct kvm_vm_memory mem = {
		.ram = cfg->ram_host, .ram_bytes = cfg->ram_bytes, .area = cfg->area_host,
		.area_gpa = cfg->area_offset, .area_bytes = cfg->area_bytes,
	};
	int err;

	if (kvm_engine.up) {
		snprintf(why, why_len, "kvm: engine already started");
		return -EBUSY;
	}
	memset(&kvm_engine, 0, sizeof(kvm_engine));
	kvm_engine.cfg = *cfg;
	err = kvm_fp_init(why, why_len);
	if (err)
		return err;
	err = kvm_vm_open(&kvm_engine.vm, &mem, kvm_engine.fp.xfeatures, why, why_len);
	if (err)
		return err;
	/* Guest FP images are only as wide as the XCR0 the guest got. */
	if (!kvm_engine.vm.xcr0)
		kvm_engine.fp.size = 0;
	err = kvm_vm_probe(&kvm_engine.vm, why, why_len);
	if (!err)
		err = kvm_kick_init(why, why_len);
	if (err) {
		kvm_vm_close(&kvm_engine.vm);
		return err;
	}
	kvm_engine.up = true;
	return 0;
}

/* The FP owner and the spaces belong to OSTD's contexts and vmspaces, which release them
 * through the ops below even after this. */
static void kvm_fini(void)
{
	if (!kvm_engine.up)
		return;
	kvm_kick_fini();
	kvm_vm_close(&kvm_engine.vm);
	kvm_engine.fp_owner = NULL;
	kvm_engine.cr3_space = NULL;
	kvm_engine.up = false;
}

int kvm_engine_vcpu_fd(void)
{
	return kvm_engine.up ? kvm_engine.vm.vcpu_fd : -1;
}

const struct engine_ops kvm_engine_ops = {
	.name = "kvm",
	.init = kvm_init,
	.fini = kvm_fini,
	.user_start = KVM_USER_START,
	.user_end = KVM_USER_END,
	.space_create = kvm_space_create,
	.space_destroy = kvm_space_destroy,
	.space_flush = kvm_space_flush,
	.run = kvm_run,
	.thread_release = kvm_thread_release,
	.fpstate_size = kvm_fpstate_size,
	.fpstate_get = kvm_fpstate_get,
	.fpstate_set = kvm_fpstate_set,
	.fpstate_reset = kvm_fpstate_reset,
};
