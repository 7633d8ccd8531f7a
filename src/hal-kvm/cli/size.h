/* size.h: human-readable sizes for the CLI. */
#ifndef HAL_KVM_CLI_SIZE_H
#define HAL_KVM_CLI_SIZE_H

#include <stdint.h>

/* "4096", "64K", "64M", "1G", "1GiB" -> bytes; -EINVAL for anything else or on overflow. */
int size_parse(const char *s, uint64_t *out);

#endif
