/* boot.c: boot information and machine facts from the HAL, for services. */
#include <ostd/boot.h>

#include "hal.h"

const struct boot_info *ostd_boot_info(void)
{
	return hal_boot_info();
}

void ostd_random_bytes(void *buf, size_t n)
{
	hal_random_bytes(buf, n);
}

uint64_t ostd_cpu_hwcap(void)
{
	return hal_cpu_hwcap();
}

uint64_t ostd_cpu_hwcap2(void)
{
	return hal_cpu_hwcap2();
}
