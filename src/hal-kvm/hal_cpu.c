/* hal_cpu.c: what the hosted HAL tells OSTD about the CPU, randomness, boot and panics. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/random.h>

#include "hal.h"
#include "vmm.h"

/* AT_HWCAP2 bit 1: the kernel allows rdfsbase/wrfsbase in user mode. The guest's FS base
 * lives in its context, so Keel does not advertise it. */
#define HWCAP2_FSGSBASE (1u << 1)

void hal_random_bytes(void *buf, size_t n)
{
	char *p = buf;

	while (n) {
		ssize_t r = getrandom(p, n, 0);
		if (r <= 0)
			continue;
		p += r;
		n -= (size_t)r;
	}
}

uint64_t hal_cpu_hwcap(void)
{
	return getauxval(AT_HWCAP);
}

uint64_t hal_cpu_hwcap2(void)
{
	return getauxval(AT_HWCAP2) & ~(uint64_t)HWCAP2_FSGSBASE;
}

const struct boot_info *hal_boot_info(void)
{
	return &vmm.cfg.boot;
}

/* A kernel bug, not the program's: say so, end the engine's processes, exit 125. */
void hal_panic(const char *msg)
{
	fprintf(stderr, "keel: kernel panic: %s\n", msg);
	if (vmm.cfg.log && vmm.cfg.log != stderr)
		fprintf(vmm.cfg.log, "keel[panic]: %s\n", msg);
	vmm_teardown();
	exit(125);
}
