/* kvm_vm.c: the KVM virtual machine (see kvm_vm.h). The ioctls and structures are those
 * of <linux/kvm.h> and the kernel's KVM API documentation (Documentation/virt/kvm/api.rst).
 * None of this can run on a host without /dev/kvm; everything it builds from (images,
 * register images, exit decoding) is tested without it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <ostd/user_mode.h>

#include "kvm/exit_decode.h"
#include "kvm/kvm_vm.h"

#define KVM_API 12
#define CPUID_MAX_ENTRIES 256
#define SYNC_BOTH (KVM_SYNC_X86_REGS | KVM_SYNC_X86_SREGS)

static int vm_fail(char *why, size_t why_len, int err, const char *what)
{
	snprintf(why, why_len, "kvm: %s: %s", what, strerror(-err));
	return err;
}

static int vm_open_dev(struct kvm_vm *vm, char *why, size_t why_len)
{
	int api;

	vm->kvm_fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (vm->kvm_fd < 0) {
		int err = -errno;

		if (err == -ENOENT)
			snprintf(why, why_len, "no /dev/kvm on this host");
		else if (err == -EACCES || err == -EPERM)
			snprintf(why, why_len, "permission denied on /dev/kvm");
		else
			snprintf(why, why_len, "cannot open /dev/kvm: %s", strerror(-err));
		return err;
	}
	api = ioctl(vm->kvm_fd, KVM_GET_API_VERSION, 0);
	if (api != KVM_API) {
		snprintf(why, why_len, "kvm: API version %d, not %d", api, KVM_API);
		return -ENOTSUP;
	}
	return 0;
}

static int vm_check_caps(struct kvm_vm *vm, char *why, size_t why_len)
{
	static const struct { int cap; const char *name; } need[] = {
		{ KVM_CAP_USER_MEMORY, "KVM_CAP_USER_MEMORY" },
		{ KVM_CAP_IMMEDIATE_EXIT, "KVM_CAP_IMMEDIATE_EXIT" },
		{ KVM_CAP_EXT_CPUID, "KVM_CAP_EXT_CPUID" },
	};
	int sync;

	for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		if (ioctl(vm->kvm_fd, KVM_CHECK_EXTENSION, need[i].cap) <= 0) {
			snprintf(why, why_len, "kvm: %s missing", need[i].name);
			return -ENOTSUP;
		}
	}
	sync = ioctl(vm->kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_SYNC_REGS);
	if (sync < 0 || (sync & SYNC_BOTH) != SYNC_BOTH) {
		snprintf(why, why_len, "kvm: KVM_CAP_SYNC_REGS lacks regs and sregs");
		return -ENOTSUP;
	}
	return 0;
}

static int vm_add_slot(struct kvm_vm *vm, uint32_t slot, uint64_t gpa, uint64_t bytes,
		       void *host)
{
	struct kvm_userspace_memory_region r = {
		.slot = slot, .guest_phys_addr = gpa, .memory_size = bytes,
		.userspace_addr = (uint64_t)(uintptr_t)host,
	};

	return ioctl(vm->vm_fd, KVM_SET_USER_MEMORY_REGION, &r) < 0 ? -errno : 0;
}

/* The guest sees what KVM can give it; the features that shape CR4 are read from it. */
static int vm_set_cpuid(struct kvm_vm *vm, char *why, size_t why_len)
{
	size_t bytes = sizeof(struct kvm_cpuid2) +
		       CPUID_MAX_ENTRIES * sizeof(struct kvm_cpuid_entry2);
	struct kvm_cpuid2 *c = calloc(1, bytes);
	int err = 0;

	if (!c)
		return vm_fail(why, why_len, -ENOMEM, "CPUID table");
	c->nent = CPUID_MAX_ENTRIES;
	if (ioctl(vm->kvm_fd, KVM_GET_SUPPORTED_CPUID, c) < 0) {
		err = vm_fail(why, why_len, -errno, "KVM_GET_SUPPORTED_CPUID");
		goto out_free;
	}
	for (uint32_t i = 0; i < c->nent; i++) {
		const struct kvm_cpuid_entry2 *e = &c->entries[i];

		if (e->function == 1)
			vm->features.xsave = e->ecx & (1u << 26);
		if (e->function == 7 && e->index == 0)
			vm->features.fsgsbase = e->ebx & 1u;
	}
	if (ioctl(vm->vcpu_fd, KVM_SET_CPUID2, c) < 0)
		err = vm_fail(why, why_len, -errno, "KVM_SET_CPUID2");
out_free:
	free(c);
	return err;
}

static int vm_set_msrs(struct kvm_vm *vm, char *why, size_t why_len)
{
	struct {
		struct kvm_msrs hdr;
		struct kvm_msr_entry e[KVM_IMAGE_MSRS];
	} m;
	uint32_t idx[KVM_IMAGE_MSRS];
	uint64_t val[KVM_IMAGE_MSRS];

	memset(&m, 0, sizeof(m));
	kvm_image_msrs(idx, val);
	m.hdr.nmsrs = KVM_IMAGE_MSRS;
	for (int i = 0; i < KVM_IMAGE_MSRS; i++) {
		m.e[i].index = idx[i];
		m.e[i].data = val[i];
	}
	if (ioctl(vm->vcpu_fd, KVM_SET_MSRS, &m) != KVM_IMAGE_MSRS) {
		snprintf(why, why_len, "kvm: KVM_SET_MSRS refused the syscall MSRs");
		return -EIO;
	}
	return 0;
}

static int vm_set_xcr0(struct kvm_vm *vm, uint64_t xcr0, char *why, size_t why_len)
{
	struct kvm_xcrs x;

	vm->xcr0 = 0;
	if (!vm->features.xsave || !xcr0 || ioctl(vm->kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_XCRS) <= 0)
		return 0;
	memset(&x, 0, sizeof(x));
	x.nr_xcrs = 1;
	x.xcrs[0].xcr = 0;
	x.xcrs[0].value = xcr0;
	if (ioctl(vm->vcpu_fd, KVM_SET_XCRS, &x) < 0)
		return vm_fail(why, why_len, -errno, "KVM_SET_XCRS");
	vm->xcr0 = xcr0;
	return 0;
}

static int vm_create(struct kvm_vm *vm, const struct kvm_vm_memory *mem, char *why,
		     size_t why_len)
{
	int err, bytes;

	vm->vm_fd = ioctl(vm->kvm_fd, KVM_CREATE_VM, 0);
	if (vm->vm_fd < 0)
		return vm_fail(why, why_len, -errno, "KVM_CREATE_VM");
	err = vm_add_slot(vm, 0, 0, mem->ram_bytes, mem->ram);
	if (!err)
		err = vm_add_slot(vm, 1, mem->area_gpa, mem->area_bytes, mem->area);
	if (err)
		return vm_fail(why, why_len, err, "KVM_SET_USER_MEMORY_REGION");
	vm->vcpu_fd = ioctl(vm->vm_fd, KVM_CREATE_VCPU, 0);
	if (vm->vcpu_fd < 0)
		return vm_fail(why, why_len, -errno, "KVM_CREATE_VCPU");
	bytes = ioctl(vm->kvm_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (bytes < (int)sizeof(struct kvm_run))
		return vm_fail(why, why_len, bytes < 0 ? -errno : -EINVAL, "KVM_GET_VCPU_MMAP_SIZE");
	vm->run = mmap(NULL, (size_t)bytes, PROT_READ | PROT_WRITE, MAP_SHARED, vm->vcpu_fd, 0);
	if (vm->run == MAP_FAILED) {
		vm->run = NULL;
		return vm_fail(why, why_len, -errno, "mmap of the vCPU's kvm_run");
	}
	vm->run_bytes = (size_t)bytes;
	return 0;
}

static int vm_set_long_mode(struct kvm_vm *vm, char *why, size_t why_len)
{
	if (ioctl(vm->vcpu_fd, KVM_GET_SREGS, &vm->sregs) < 0)
		return vm_fail(why, why_len, -errno, "KVM_GET_SREGS");
	kvm_image_kernel_sregs(&vm->sregs, &vm->features, vm->area_gpa + KVM_AREA_PROBE_PML4);
	if (ioctl(vm->vcpu_fd, KVM_SET_SREGS, &vm->sregs) < 0)
		return vm_fail(why, why_len, -errno, "KVM_SET_SREGS (long mode)");
	vm->run->kvm_valid_regs = SYNC_BOTH;
	return 0;
}

int kvm_vm_open(struct kvm_vm *vm, const struct kvm_vm_memory *mem, uint64_t xcr0,
		char *why, size_t why_len)
{
	int err;

	*vm = (struct kvm_vm){ .kvm_fd = -1, .vm_fd = -1, .vcpu_fd = -1, .area = mem->area,
			       .area_gpa = mem->area_gpa };
	if (mem->area_bytes < KVM_AREA_USED || mem->area_gpa % 4096 || mem->ram_bytes % 4096 ||
	    mem->area_gpa < mem->ram_bytes) {
		snprintf(why, why_len, "kvm: bad engine configuration (memfd or engine area)");
		return -EINVAL;
	}
	err = vm_open_dev(vm, why, why_len);
	if (!err)
		err = vm_check_caps(vm, why, why_len);
	if (!err)
		err = vm_create(vm, mem, why, why_len);
	if (!err)
		err = vm_set_cpuid(vm, why, why_len);
	if (!err)
		err = vm_set_xcr0(vm, xcr0, why, why_len);
	if (!err)
		err = vm_set_msrs(vm, why, why_len);
	if (!err) {
		kvm_image_build(vm->area, vm->area_gpa);
		err = vm_set_long_mode(vm, why, why_len);
	}
	if (err)
		kvm_vm_close(vm);
	return err;
}

void kvm_vm_close(struct kvm_vm *vm)
{
	if (vm->run)
		munmap(vm->run, vm->run_bytes);
	vm->run = NULL;
	if (vm->vcpu_fd >= 0)
		close(vm->vcpu_fd);
	if (vm->vm_fd >= 0)
		close(vm->vm_fd);
	if (vm->kvm_fd >= 0)
		close(vm->kvm_fd);
	vm->vcpu_fd = vm->vm_fd = vm->kvm_fd = -1;
}

int kvm_vm_enter(struct kvm_vm *vm, uint64_t dirty)
{
	vm->run->kvm_dirty_regs = dirty;
	if (dirty & KVM_SYNC_X86_SREGS)
		vm->sregs = vm->run->s.regs.sregs;
	return ioctl(vm->vcpu_fd, KVM_RUN, 0) < 0 ? -errno : 0;
}

/* Enters the probe's user code at rip with the probe's root. */
static void vm_probe_user(struct kvm_vm *vm, uint64_t rip)
{
	struct user_regs r = { .rip = rip, .rflags = KVM_RFLAGS_IF };

	vm->run->s.regs.sregs = vm->sregs;
	kvm_image_user_sregs(&vm->run->s.regs.sregs, &vm->features,
			     vm->area_gpa + KVM_AREA_PROBE_PML4, 0);
	kvm_image_user_regs(&vm->run->s.regs.regs, &r);
}

static int vm_probe_step(struct kvm_vm *vm, enum kvm_exit_kind want, char *why,
			 size_t why_len)
{
	uint8_t *frame = (uint8_t *)vm->area + KVM_AREA_STACK_TOP - KVM_FRAME_BYTES;
	struct user_context ctx;
	enum kvm_exit_kind k;
	int err;

	memset(&ctx, 0, sizeof(ctx));
	err = kvm_vm_enter(vm, SYNC_BOTH);
	k = kvm_exit_decode(vm->run, err, frame, &ctx, why, why_len);
	if (k == want && (k != KVM_EXIT_KIND_SYSCALL || ctx.regs.rip == KVM_PROBE_VA + 2))
		return 0;
	if (k != KVM_EXIT_KIND_LOST)
		snprintf(why, why_len, "probe guest: unexpected exit kind %d (rip 0x%llx)", (int)k,
			 (unsigned long long)vm->run->s.regs.regs.rip);
	return -EIO;
}

/* The CR3 entry at CPL0 with the probe's root: a full TLB flush. */
static int vm_probe_load_cr3(struct kvm_vm *vm, char *why, size_t why_len)
{
	vm->run->s.regs.sregs = vm->sregs;
	kvm_image_kernel_sregs(&vm->run->s.regs.sregs, &vm->features,
			       vm->area_gpa + KVM_AREA_PROBE_PML4);
	kvm_image_cr3_regs(&vm->run->s.regs.regs, vm->area_gpa + KVM_AREA_PROBE_PML4);
	return vm_probe_step(vm, KVM_EXIT_KIND_CR3, why, why_len);
}

/* OSTD edits the page tables from the host. A shadow-paging MMU (no EPT/NPT, or kvm-pvm)
 * tracks only the guest's own writes to them, and would go on translating a page the host
 * unmapped: copy-on-write and munmap would silently break. So the probe unmaps its code
 * page with a host store, reloads CR3, and wants the #PF an MMU that walks the tables
 * gives; a host where it does not come is refused with that reason. */
static int vm_probe_host_pt_writes(struct kvm_vm *vm, char *why, size_t why_len)
{
	uint64_t *pte = (uint64_t *)((uint8_t *)vm->area + KVM_AREA_PROBE_PT) +
			((KVM_PROBE_VA >> 12) & 511);
	uint8_t *frame = (uint8_t *)vm->area + KVM_AREA_STACK_TOP - KVM_FRAME_BYTES;
	uint64_t saved = __atomic_load_n(pte, __ATOMIC_RELAXED);
	struct user_context ctx;
	enum kvm_exit_kind k;
	int err;

	__atomic_store_n(pte, 0, __ATOMIC_SEQ_CST);
	err = vm_probe_load_cr3(vm, why, why_len);
	if (!err) {
		memset(&ctx, 0, sizeof(ctx));
		vm_probe_user(vm, KVM_PROBE_VA);
		k = kvm_exit_decode(vm->run, kvm_vm_enter(vm, SYNC_BOTH), frame, &ctx, why,
				    why_len);
		if (k != KVM_EXIT_KIND_EXCEPTION || ctx.fault.vector != TRAP_PF ||
		    ctx.fault.addr != KVM_PROBE_VA) {
			snprintf(why, why_len, "the host's MMU keeps a page the host unmapped "
				 "(shadow paging, as under kvm-pvm?): the KVM engine needs EPT/NPT");
			err = -EIO;
		}
	}
	__atomic_store_n(pte, saved, __ATOMIC_SEQ_CST);
	if (!err)
		err = vm_probe_load_cr3(vm, why, why_len);
	return err;
}

int kvm_vm_probe(struct kvm_vm *vm, char *why, size_t why_len)
{
	char inner[200] = "";
	int err;

	/* The CR3 entry at CPL0, then user code at CPL3 reaching LSTAR, then the MMU's view
	 * of host-side page-table writes. */
	err = vm_probe_load_cr3(vm, inner, sizeof(inner));
	if (!err) {
		vm_probe_user(vm, KVM_PROBE_VA);
		err = vm_probe_step(vm, KVM_EXIT_KIND_SYSCALL, inner, sizeof(inner));
	}
	if (!err)
		err = vm_probe_host_pt_writes(vm, inner, sizeof(inner));
	if (err)
		snprintf(why, why_len, "kvm: probe VM failed: %s", inner);
	return err;
}

static uint64_t vm_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int kvm_vm_probe_loop(struct kvm_vm *vm, unsigned long n, uint64_t *ns, char *why,
		      size_t why_len)
{
	struct kvm_regs *r = &vm->run->s.regs.regs;
	uint64_t t0;
	int err = kvm_vm_probe(vm, why, why_len);

	/* One syscall round trip first: the probe ended on a CR3 exit, the loop resumes
	 * from a syscall's rcx and r11. */
	if (!err) {
		vm_probe_user(vm, KVM_PROBE_VA);
		err = vm_probe_step(vm, KVM_EXIT_KIND_SYSCALL, why, why_len);
	}
	if (err)
		return err;
	t0 = vm_now_ns();
	for (unsigned long i = 0; i < n; i++) {
		/* What the engine does for a return to user: rip = rcx, rflags = r11, user
		 * CS/SS; nothing else. */
		uint64_t rip = r->rcx, rflags = r->r11;

		kvm_image_user_sregs(&vm->run->s.regs.sregs, &vm->features,
				     vm->area_gpa + KVM_AREA_PROBE_PML4, 0);
		r->rip = rip;
		r->rflags = (rflags & KVM_RFLAGS_USER) | KVM_RFLAGS_IF | KVM_RFLAGS_FIXED;
		err = kvm_vm_enter(vm, SYNC_BOTH);
		if (err || vm->run->exit_reason != KVM_EXIT_IO ||
		    vm->run->io.port != KVM_PORT_SYSCALL) {
			snprintf(why, why_len, "kvm: probe loop stopped at round trip %lu", i);
			return -EIO;
		}
	}
	*ns = vm_now_ns() - t0;
	return 0;
}
