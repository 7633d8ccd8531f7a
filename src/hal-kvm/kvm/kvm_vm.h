/* kvm_vm.h: one KVM virtual machine with one vCPU over the VMM's memfd: RAM at GPA 0,
 * the engine area at GPA area_offset (so GPA == memfd offset), long mode set up from the
 * host, registers exchanged through KVM_CAP_SYNC_REGS. Used by the engine and by
 * bench/kvm_floor. Every function that fails says why in one line. */
#ifndef HAL_KVM_KVM_KVM_VM_H
#define HAL_KVM_KVM_KVM_VM_H

#include <linux/kvm.h>
#include <stddef.h>
#include <stdint.h>

#include "kvm/guest_image.h"

struct kvm_vm {
	int kvm_fd, vm_fd, vcpu_fd;
	struct kvm_run *run;
	size_t run_bytes;
	void *area;                 /* host view of the engine area */
	uint64_t area_gpa;
	struct kvm_guest_features features;
	uint64_t xcr0;              /* the guest's XCR0; 0 without XSAVE */
	struct kvm_sregs sregs;     /* the system registers as last given to KVM */
};

struct kvm_vm_memory {
	void *ram;
	uint64_t ram_bytes;
	void *area;
	uint64_t area_gpa, area_bytes;
};

/* Opens /dev/kvm, checks the API and capabilities, creates the VM, its memory slots and
 * vCPU, builds the engine images in the area and sets up long mode. 0, or a negative
 * errno with why[] set ("no /dev/kvm on this host", "permission denied on /dev/kvm", ...). */
int kvm_vm_open(struct kvm_vm *vm, const struct kvm_vm_memory *mem, uint64_t xcr0,
		char *why, size_t why_len);
void kvm_vm_close(struct kvm_vm *vm);

/* One KVM_RUN with the registers in vm->run->s.regs marked dirty as asked. 0 or a
 * negative errno (-EINTR: the kick). */
int kvm_vm_enter(struct kvm_vm *vm, uint64_t dirty);

/* Runs the probe guest once: CPL3 `syscall` in the probe's space reaching the stub, and
 * the CR3 stub. 0, or -EIO with why[]. */
int kvm_vm_probe(struct kvm_vm *vm, char *why, size_t why_len);
/* The raw floor: n round trips of the probe loop (CPL3 syscall, stub out, the host
 * re-enters at once); *ns the total. 0 or -EIO with why[]. */
int kvm_vm_probe_loop(struct kvm_vm *vm, unsigned long n, uint64_t *ns, char *why,
		      size_t why_len);

#endif
