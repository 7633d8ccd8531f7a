/* kvm_floor: the raw cost of a trapped syscall on this host's KVM, the floor under the KVM
 * engine's null syscall: a CPL3 loop of `syscall` into the engine's LSTAR stub, whose
 * `out` exits to the host, which re-enters at once (rip = rcx, user CS/SS through the
 * sync-regs area, as the engine does, and nothing else). Prints "kvm_floor_us N" on
 * stdout, or "kvm_floor n/a (reason)" where KVM cannot run. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kvm/kvm_vm.h"

#define RAM_BYTES  (2ull << 20)
#define AREA_BYTES (1ull << 20)

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 100000;
	struct kvm_vm_memory mem;
	struct kvm_vm vm;
	char why[256] = "";
	uint64_t ns = 0;
	void *map;
	int fd = memfd_create("kvm-floor", MFD_CLOEXEC);

	if (fd < 0 || ftruncate(fd, (off_t)(RAM_BYTES + AREA_BYTES)) < 0) {
		printf("kvm_floor n/a (no memfd)\n");
		return 0;
	}
	map = mmap(NULL, RAM_BYTES + AREA_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		printf("kvm_floor n/a (cannot map guest memory)\n");
		return 0;
	}
	mem = (struct kvm_vm_memory){ .ram = map, .ram_bytes = RAM_BYTES,
				      .area = (char *)map + RAM_BYTES, .area_gpa = RAM_BYTES,
				      .area_bytes = AREA_BYTES };
	if (kvm_vm_open(&vm, &mem, 0, why, sizeof(why))) {
		printf("kvm_floor n/a (%s)\n", why);
		return 0;
	}
	/* Warm up, then measure. */
	if (kvm_vm_probe_loop(&vm, n / 10 + 1, &ns, why, sizeof(why)) ||
	    kvm_vm_probe_loop(&vm, n, &ns, why, sizeof(why))) {
		printf("kvm_floor n/a (%s)\n", why);
		kvm_vm_close(&vm);
		return 0;
	}
	printf("kvm_floor_us %.2f\n", (double)ns / 1000.0 / (double)n);
	kvm_vm_close(&vm);
	return 0;
}
